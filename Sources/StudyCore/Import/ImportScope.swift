/// Whether a record is about ketamine: its title, abstract, headings, conditions or
/// interventions name ketamine or esketamine (arketamine too; any word containing "ketamine").
public enum ImportScope {
    /// Whether a text names ketamine, case and accents aside.
    public static func mentionsKetamine(_ text: String) -> Bool {
        text.utf8.count >= 8 && SearchText.fold(text).contains("ketamine")
    }

    /// Whether any of the record's texts names ketamine.
    public static func isAboutKetamine(_ record: RawRecord) -> Bool {
        let texts = [record.title].compactMap { $0 } + record.abstract.map(\.text) + record.headings + record.conditions
            + record.interventions.flatMap { [$0.name, $0.description].compactMap { $0 } } + record.publicationTypes
        return texts.contains(where: mentionsKetamine)
    }
}
