namespace Nop.Services.Orders;

// Lookup, indexer and removal behave as in the host; the XML round trip is left to the host.
public partial class CustomValues : List<CustomValue>
{
    public virtual List<CustomValue> GetValuesByDisplayLocation(CustomValueDisplayLocation displayLocation)
    {
        return FindAll(item => item.DisplayLocation == displayLocation);
    }

    public virtual string SerializeToXml()
    {
        throw null;
    }

    public virtual void FillByXml(string customValuesXml, bool displayToCustomerOnly = false)
    {
        throw null;
    }

    public virtual bool Remove(string name)
    {
        return TryGetValue(name, out var found) && Remove(found);
    }

    public virtual bool TryGetValue(string name, out CustomValue customValue)
    {
        customValue = Find(item => item.Name.Equals(name));
        return customValue != null;
    }

    public virtual string this[string name]
    {
        get => this.First(item => item.Name.Equals(name)).Value;
        set
        {
            Remove(name);
            Add(new CustomValue(name, value));
        }
    }
}
