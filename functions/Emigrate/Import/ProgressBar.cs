using System.Globalization;

namespace Emigrate.Import;

/// <summary>A one-line progress bar redrawn in place on a terminal: <c>[#####-----]  50/100 rows, 2 rejected</c>.</summary>
public sealed class ProgressBar(TextWriter terminal, int width = 30)
{
    /// <summary>The bar for <paramref name="done"/> of <paramref name="total"/> rows.</summary>
    public static string Render(int done, int total, int needAttention, int width = 30)
    {
        var filled = total == 0 ? width : (int)((long)done * width / total);
        return string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('-', width - filled)}] {done,5}/{total} rows, {needAttention} rejected");
    }

    /// <summary>Redraws the bar.</summary>
    public void Update(int done, int total, int needAttention)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        terminal.Write("\r" + Render(done, total, needAttention, width));
        terminal.Flush();
    }

    /// <summary>Ends the bar's line.</summary>
    public void Finish() => terminal.WriteLine();
}
