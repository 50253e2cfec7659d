namespace Requests.Domain.Lifecycle;

/// <summary>
/// The legal grounds for refusing information, Law 31.13. Codes and labels are in <see cref="RefusalGrounds"/>;
/// the numbers are not stored anywhere, the codes are.
/// </summary>
public enum RefusalGround
{
    NotHeld,

    // article 7, excluded outright
    NationalDefence,
    StateSecurity,
    PrivateLife,
    RightsAndFreedoms,
    ProtectionOfSources,

    // article 7, excluded when disclosure would harm
    ForeignRelations,
    MonetaryAndEconomicPolicy,
    IntellectualProperty,
    VictimsAndWitnesses,
    GovernmentDeliberations,
    Investigations,
    JudicialProceedings,
    FreeCompetition,

    // the request itself
    AlreadyPublished,
    RepeatedRequest,
    UnclearRequest,
    InPreparation,
    DepositedWithArchives,
}
