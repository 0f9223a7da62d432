using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Lianjian.Web.Ui.Shared.Charts;

/// <summary>An SVG &lt;text&gt; element (Razor reserves the &lt;text&gt; tag inside code blocks, so the charts write it through this).</summary>
public sealed class SvgText : ComponentBase
{
    [Parameter] public string X { get; set; } = "0";
    [Parameter] public string Y { get; set; } = "0";
    [Parameter] public string? Anchor { get; set; }
    [Parameter] public string? Class { get; set; }
    [Parameter] public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "x", X);
        builder.AddAttribute(2, "y", Y);
        if (Anchor is not null) builder.AddAttribute(3, "text-anchor", Anchor);
        if (Class is not null) builder.AddAttribute(4, "class", Class);
        builder.AddContent(5, ChildContent);
        builder.CloseElement();
    }
}
