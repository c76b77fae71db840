using System.Text.RegularExpressions;
using Nop.Plugin.Payments.TamaraInStore.Tests.Plugin;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Conventions;

/// <summary>
/// Every test of every test project reads as a sentence: words joined by underscores, the first one capitalised
/// (names of types, members and products keep their own capitals), e.g. A_refund_Tamara_refused_gives_the_page_back
/// </summary>
[TestFixture]
public class TestNamingConventionTests
{
    private static readonly Regex TestAttribute = new(@"^\s*\[(.*\b)?(Test|TestCase|TestCaseSource)\b", RegexOptions.Compiled);
    private static readonly Regex MethodDeclaration = new(@"public\s+(?:async\s+Task|void|Task)\s+(\w+)\s*\(", RegexOptions.Compiled);
    private static readonly Regex SentenceName = new(@"^[A-Z][A-Za-z0-9]*(_+[A-Za-z0-9]+)+$", RegexOptions.Compiled);

    [Test]
    public void Every_test_method_of_every_test_project_is_named_as_a_sentence()
    {
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "tests"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
                continue;

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var declaration = MethodDeclaration.Match(lines[i]);
                if (!declaration.Success || !IsTest(lines, i))
                    continue;

                var name = declaration.Groups[1].Value;
                if (!SentenceName.IsMatch(name))
                    offenders.Add($"{Path.GetRelativePath(RepositoryPaths.Root, file)}:{i + 1} {name}");
            }
        }

        Assert.That(offenders, Is.Empty, "test methods named as one word, not as a sentence with underscores");
    }

    [TestCase("A_refund_Tamara_refused_gives_the_page_back", true)]
    [TestCase("CreateInStoreSession_posts_the_guide_sample", true)]
    [TestCase("Real_host_suite__needs_shared_nophost", true)]
    [TestCase("ARefundTamaraRefusedGivesThePageBack", false)]
    [TestCase("a_lower_case_start", false)]
    public void The_rule_tells_a_sentence_from_a_single_word(string name, bool isSentence) =>
        Assert.That(SentenceName.IsMatch(name), Is.EqualTo(isSentence));

    /// <summary>An NUnit test attribute in the attribute lines right above the declaration</summary>
    private static bool IsTest(string[] lines, int declarationLine)
    {
        for (var i = declarationLine - 1; i >= 0; i--)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith('[') && !line.StartsWith("//"))
                return false;
            if (TestAttribute.IsMatch(line))
                return true;
        }

        return false;
    }
}
