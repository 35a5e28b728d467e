namespace BaaS.Data.Tests.Migrations;

/// <summary>Converts legacy_price, which legacy_price_note refers to: it says it rebuilds tables.</summary>
internal sealed class Migration0101_DeclareLegacyPrices : Migration
{
    public override bool RebuildsTables => true;

    public override Task UpAsync(CancellationToken ct) => Db.ConvertDecimalColumnsAsync<LegacyPriceV2>(ct);
}

/// <summary>The same conversion without saying so: on SQLite, foreign keys stay enforced and it must refuse.</summary>
internal sealed class Migration0102_DeclareLegacyPricesUnannounced : Migration
{
    public override Task UpAsync(CancellationToken ct) => Db.ConvertDecimalColumnsAsync<LegacyPriceV2>(ct);
}
