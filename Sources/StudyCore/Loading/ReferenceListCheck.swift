/// Checks a study's cited reference text against its source's numbered reference list, so a
/// reference copied from the wrong line cannot come back.
enum ReferenceListCheck {
    /// A problem's field and message.
    struct Message {
        let field: String
        let text: String
    }

    /// The first problem with the study's citation, or nil when it matches or nothing can be checked.
    static func problem(with study: Study, sources: [String: SourceDocument]) -> Message? {
        let citation = study.citation
        guard let source = citation.source else {
            // Where a cited document lists its references, the citation must say which it is.
            guard citation.reference != nil,
                  let listed = study.provenance.first(where: { !(sources[$0.source.document]?.references.isEmpty ?? true) })
            else { return nil }
            return Message(field: "citation.source", text: "the reference text needs its number in \(listed.source.document)'s list, like \(listed.source.document)#\(listed.source.references.first ?? 1)")
        }
        guard let document = sources[source.document] else { return nil }  // reported as an undefined source
        guard !document.references.isEmpty else {
            return Message(field: "citation.source", text: "\(document.id) has no reference list in the loaded sources to check against")
        }
        guard let number = source.references.first, let listed = document.references[number] else {
            return Message(field: "citation.source", text: "\(document.id) lists no reference \(source.references.first ?? 0)")
        }
        guard let reference = citation.reference else { return nil }
        guard reference == listed else {
            let near = document.references.first { $0.value == reference }.map { "; that text is reference \($0.key)" } ?? ""
            return Message(field: "citation.reference", text: "does not match reference \(number) of \(document.id) as listed (\"\(listed)\")\(near)")
        }
        return nil
    }
}
