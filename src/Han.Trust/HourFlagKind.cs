namespace Han.Trust;

/// <summary>What was wrong with an hour's data.</summary>
public enum HourFlagKind
{
    /// <summary>One or more hourly lists never came: the register difference is shared over the gap.</summary>
    MissingList,

    /// <summary>A list repeated an earlier one (same meter clock or same hour); it was ignored.</summary>
    RepeatedList,

    /// <summary>A register went below the one before it.</summary>
    RegisterBackwards,

    /// <summary>A register difference far from the energy integrated from power.</summary>
    ImplausibleJump,

    /// <summary>A register wrapped at its maximum back to near zero.</summary>
    Rollover,

    /// <summary>The meter's clock was further from the receive time than allowed.</summary>
    ClockDrift,
}
