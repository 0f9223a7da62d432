using System.Text;

namespace Lianjian.Web.Modules.WorkOrders;

/// <summary>
/// The words text search looks up (docs/decisions/0009-work-order-list-filters.md). Chinese has no spaces and people
/// search with two characters (路灯, 修路), so a run of Chinese (any non-ASCII letters or digits) gives its overlapping
/// character pairs — 路灯坏了 → 路灯 灯坏 坏了 — and a run of ASCII letters and digits gives one lower-cased word
/// (LED → led, 3 → 3). Anything else (spaces, punctuation) separates runs; a one-character run is kept as it is.
/// The stored form is the terms separated by single spaces: SQLite's FTS5 <c>unicode61</c> tokenizer and PostgreSQL's
/// <c>string_to_array(…, ' ')</c> both read it back term by term.
/// </summary>
public static class TextTerms
{
    /// <summary>The stored terms of an order's description and address (every pair, in order, repeats kept:
    /// FTS5 phrase queries need the positions).</summary>
    public static string Of(string? description, string? address)
    {
        var terms = new List<string>();
        foreach (var run in Runs(description)) AddTerms(run, terms);
        foreach (var run in Runs(address)) AddTerms(run, terms);
        return string.Join(' ', terms);
    }

    /// <summary>
    /// The runs of a search text, each as its terms in order (a phrase). Runs that cannot be looked up — a single
    /// Chinese character — are left out; <paramref name="complete"/> says whether every run could be.
    /// An empty result means the index cannot answer the search (e.g. one character): the caller falls back to LIKE.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Phrases(string? text, out bool complete)
    {
        complete = true;
        var phrases = new List<IReadOnlyList<string>>();
        foreach (var run in Runs(text))
        {
            if (!run.Ascii && run.Runes.Count == 1)
            {
                complete = false;
                continue;
            }

            var terms = new List<string>();
            AddTerms(run, terms);
            phrases.Add(terms);
        }

        return phrases;
    }

    private sealed record Run(bool Ascii, List<Rune> Runes);

    private static void AddTerms(Run run, List<string> terms)
    {
        if (run.Ascii)
        {
            terms.Add(string.Concat(run.Runes.Select(r => r.ToString())).ToLowerInvariant());
            return;
        }

        if (run.Runes.Count == 1)
        {
            terms.Add(run.Runes[0].ToString());
            return;
        }

        for (var i = 0; i + 1 < run.Runes.Count; i++) terms.Add(run.Runes[i].ToString() + run.Runes[i + 1]);
    }

    private static IEnumerable<Run> Runs(string? text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        Run? current = null;
        foreach (var rune in text.EnumerateRunes())
        {
            bool? ascii = rune.IsAscii ? (Rune.IsLetterOrDigit(rune) ? true : null) : (Rune.IsLetterOrDigit(rune) ? false : null);
            if (ascii is null)
            {
                if (current is not null) yield return current;
                current = null;
                continue;
            }

            if (current is not null && current.Ascii != ascii.Value)
            {
                yield return current;
                current = null;
            }

            current ??= new Run(ascii.Value, []);
            current.Runes.Add(rune);
        }

        if (current is not null) yield return current;
    }
}
