namespace Han.Tariffs.Tests;

/// <summary>A small tariff file as a user would write it for their own company (the shape docs/tariffs.md shows).</summary>
internal static class OwnFile
{
    public const string Text = """
        netteier: Eksempel Nett AS
        kilder:
          - https://example.com/nettleie
        tariffer:
          - kundegrupper: [husholdning, fritid]
            gyldig_fra: 2026-01-01
            energiledd:
              grunnpris: 12.5
              unntak:
                - navn: Dag
                  timer: 6-21
                  dager: [virkedag]
                  pris: 25
            fastledd:
              metode: TRE_DØGNMAX_MND
              terskel_inkludert: true
              terskler:
                - terskel: 0
                  pris: 1440
                - terskel: 5
                  pris: 4032
        """;

    /// <summary>The file with one piece of text replaced; fails when the piece is not there, so a test cannot pass by changing nothing.</summary>
    public static string With(string from, string to)
    {
        Assert.Contains(from, Text, StringComparison.Ordinal);
        return Text.Replace(from, to, StringComparison.Ordinal);
    }
}
