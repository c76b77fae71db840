using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Refunds;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Refunds;

public class TamaraRefundBasisTests
{
    private static TamaraRefund Row(int id, TamaraRefundState state) => new() { Id = id, State = state };

    [Test]
    public void A_page_knows_the_last_refund_but_not_those_still_being_sent()
    {
        Assert.That(TamaraRefundBasis.Of([]), Is.Zero);
        Assert.That(TamaraRefundBasis.Of([Row(3, TamaraRefundState.Succeeded), Row(9, TamaraRefundState.Failed)]), Is.EqualTo(9));
        Assert.That(TamaraRefundBasis.Of([Row(3, TamaraRefundState.Succeeded), Row(9, TamaraRefundState.Requested)]), Is.EqualTo(3),
            "a click in flight started from the page before it");
        Assert.That(TamaraRefundBasis.Of([Row(3, TamaraRefundState.Requested), Row(9, TamaraRefundState.Succeeded)]), Is.Zero);
    }

    private static HttpContext Post(string value, string method = "POST")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Form = new FormCollection(new Dictionary<string, StringValues> { [TamaraRefundBasis.FormField] = value });
        return context;
    }

    [TestCase("7:12", 12)]
    [TestCase("7:0", 0)]
    [TestCase("8:12", null, TestName = "A page of another order counts as no page")]
    [TestCase("7:", null)]
    [TestCase("7:-1", null)]
    [TestCase("7:1e3", null)]
    [TestCase(":12", null)]
    [TestCase("", null)]
    [TestCase("7:99999999999", null)]
    public async Task The_posted_basis_is_read_only_when_it_is_this_orders_and_well_formed(string value, int? expected)
    {
        Assert.That(await TamaraRefundBasis.PostedAsync(Post(value), 7), Is.EqualTo(expected));
    }

    [Test]
    public async Task Without_a_posted_form_there_is_no_basis()
    {
        Assert.That(await TamaraRefundBasis.PostedAsync(null, 7), Is.Null);
        Assert.That(await TamaraRefundBasis.PostedAsync(new DefaultHttpContext(), 7), Is.Null);
        Assert.That(await TamaraRefundBasis.PostedAsync(Post("7:12", "GET"), 7), Is.Null);
    }

    [Test]
    public void The_popups_hidden_field_carries_the_order_and_its_basis()
    {
        Assert.That(TamaraRefundBasis.HiddenField(7, 12),
            Is.EqualTo($"<input type=\"hidden\" name=\"{TamaraRefundBasis.FormField}\" value=\"7:12\" />"));
    }
}
