using System.Text;
using BaaS.Formats;

namespace BaaS.Tests.Formats;

/// <summary>CSV exports open in spreadsheets: text that would run as a formula is written so it cannot.</summary>
public class CsvFormulaTests
{
    public class Row
    {
        public string? Text { get; set; }
        public decimal Amount { get; set; }
    }

    private static string Cell(string? text, decimal amount = 0)
    {
        var line = new StringBuilder();
        CsvColumns.Of(typeof(Row)).AppendRow(line, new Row { Text = text, Amount = amount }, BaaS.Text.JsonProtocol.Options);
        return line.ToString();
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",0\r\n")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0,0\r\n")]
    [InlineData("-2+3", "'-2+3,0\r\n")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2),0\r\n")]
    [InlineData("\tleading tab", "'\tleading tab,0\r\n")]
    [InlineData("\rleading return", "\"'\rleading return\",0\r\n")]
    public void Text_that_a_spreadsheet_would_run_starts_with_a_quote(string text, string expected) =>
        Assert.Equal(expected, Cell(text));

    [Fact]
    public void Ordinary_text_and_negative_numbers_are_written_as_they_are()
    {
        Assert.Equal("a = b,-12.5\r\n", Cell("a = b", -12.5m));
        Assert.Equal(",3\r\n", Cell(null, 3));
    }
}
