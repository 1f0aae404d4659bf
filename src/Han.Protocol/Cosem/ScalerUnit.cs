namespace Han.Protocol.Cosem;

/// <summary>
/// A register's scaler_unit (Blue Book §4.3.2): physical value = raw × 10^Scaler in <see cref="Unit"/>.
/// </summary>
public readonly record struct ScalerUnit(sbyte Scaler, CosemUnit Unit);
