using Lianjian.Web.Modules.Organizations.Queries;
using MudBlazor;

namespace Lianjian.Web.Modules.Organizations.Admin;

/// <summary>One node of the back-office tree; children are loaded when it is first expanded.</summary>
public sealed class OrganizationNode : TreeItemData<Guid>
{
    public OrganizationNode(OrganizationRow row)
    {
        Row = row;
        Value = row.Id;
        Text = row.Name;
        Icon = OrganizationKindStyle.Icon(row.Kind);
        Expandable = row.HasChildren;
    }

    public OrganizationRow Row { get; }

    public IEnumerable<OrganizationNode> LoadedChildren => Children?.OfType<OrganizationNode>() ?? [];

    public static IEnumerable<OrganizationNode> Walk(IEnumerable<OrganizationNode> nodes) =>
        nodes.SelectMany(n => Walk(n.LoadedChildren).Prepend(n));
}
