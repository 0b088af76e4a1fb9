namespace Deliberation.Api.Features.WebUi;

/// <summary>Settings of the web UI (section <c>WebUi</c> of appsettings.json).</summary>
public sealed class WebUiOptions
{
    public const string Section = "WebUi";

    /// <summary>
    /// Who may embed the participant page in a frame (CSP <c>frame-ancestors</c> sources): <c>*</c> for any site
    /// (Polis-style embedding), or a list such as <c>https://city.example</c>. The console and the home page are
    /// never framed. Empty means any site. (No default elements here: the configuration binder appends to an array's
    /// initial elements, so a default <c>*</c> would survive every list an operator configures.)
    /// </summary>
    public string[] EmbedFrameAncestors { get; set; } = [];
}
