/// Participants a study shares with another report, so a summary never counts them twice.
public struct SampleOverlap: Sendable, Equatable {
    /// The other study's id, when the dataset holds it; nil when the record does not name it.
    public var study: String?
    /// How many participants are shared.
    public var participants: Int
    /// True when the record names the other report; false when which report it is was inferred.
    public var stated: Bool
    public var note: String?

    /// Creates an overlap.
    public init(study: String?, participants: Int, stated: Bool, note: String? = nil) {
        self.study = study
        self.participants = participants
        self.stated = stated
        self.note = note
    }
}
