using System.IO.Compression;

namespace Deliberation.Exchange.Tests.Infrastructure;

/// <summary>Small hand-written Polis exports for edge cases, as folders or zips.</summary>
internal static class PolisFolder
{
    public const string Comments = """
        timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body
        1500000000000,x,0,0,2,0,1,Plain statement
        1500000001000,x,1,1,1,1,1,"Commas, ""quotes"", and a
        line break"
        1500000002000,x,2,1,0,1,-1,Emoji 🌍🔥 and Arabic: نحن بحاجة إلى مزيد من الحدائق
        1500000003000,x,3,,0,0,0,עברית: תחבורה ציבורית חינם
        """;

    public const string Votes = """
        timestamp,datetime,comment-id,voter-id,vote
        1500000010000,x,0,0,1
        1500000011000,x,1,0,1
        1500000012000,x,0,1,1
        1500000013000,x,1,1,-1
        1500000014000,x,2,1,-1
        1500000015000,x,2,0,0
        1500000016000,x,2,0,1
        """;

    public const string ParticipantsVotes = """
        participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2
        0,,1,3,3,0,1,1,1
        1,,2,3,1,2,1,-1,-1
        """;

    public const string Summary = """
        topic,"Parks, buses & ""fun"" — رأيك"
        url,https://pol.is/x
        conversation-description,"First line, with a comma.
        Second line 🌱."
        """;

    public static string Write(IReadOnlyDictionary<string, string> files)
    {
        string folder = Deliberation.Tests.Shared.Fixtures.TempFolder();
        foreach (var (name, content) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), content.ReplaceLineEndings("\n") + "\n");
        }

        return folder;
    }

    public static Dictionary<string, string> Valid() => new()
    {
        ["comments.csv"] = Comments,
        ["votes.csv"] = Votes,
        ["participants-votes.csv"] = ParticipantsVotes,
        ["summary.csv"] = Summary,
    };

    public static string Zip(string folder)
    {
        string zip = Path.Combine(Deliberation.Tests.Shared.Fixtures.TempFolder(), "export.zip");
        ZipFile.CreateFromDirectory(folder, zip);
        return zip;
    }
}
