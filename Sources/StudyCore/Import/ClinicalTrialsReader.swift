/// Reads ClinicalTrials.gov API v2 JSON: one study (`{"protocolSection": …}`), an array of
/// studies, or a page of results (`{"studies": […], "nextPageToken": …}`). Only the protocol
/// section is read; results, if present, are not (the import never reports outcomes).
public enum ClinicalTrialsReader {
    /// The records of a file, and a problem for each study that cannot be read; a file that is
    /// not JSON, or not one of the three shapes, is one problem.
    public static func read(_ bytes: [UInt8], file: String) -> (records: [RawRecord], problems: [ImportProblem]) {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            return ([], [ImportProblem(file: file, line: error.line, message: "not JSON: \(error.message) (column \(error.column)); file refused")])
        }
        let studies: [JSONValue]
        switch root {
        case .array(let elements): studies = elements
        case .object(let object) where object["protocolSection"] != nil: studies = [root]
        case .object(let object):
            guard case .array(let elements)? = object["studies"] else {
                return ([], [ImportProblem(file: file, message: "expected a ClinicalTrials.gov API v2 study, an array of studies, or a page "
                    + "with \"studies\"; file refused")])
            }
            studies = elements
        default:
            return ([], [ImportProblem(file: file, message: "expected a JSON object or array, found \(root.kindDescription); file refused")])
        }
        var records: [RawRecord] = []
        var problems: [ImportProblem] = []
        for (offset, study) in studies.enumerated() {
            switch record(study, file: file, index: offset + 1) {
            case .success(let record): records.append(record)
            case .failure(let problem): problems.append(problem)
            }
        }
        return (records, problems)
    }

    /// A path of keys into nested objects.
    private static func value(_ root: JSONValue, _ path: [String]) -> JSONValue? {
        var current = root
        for key in path {
            guard case .object(let object) = current, let next = object[key] else { return nil }
            current = next
        }
        return current
    }

    private static func text(_ root: JSONValue, _ path: String...) -> String? {
        guard case .string(let text)? = value(root, path) else { return nil }
        let trimmed = text.trimmingSpaces
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func texts(_ root: JSONValue, _ path: String...) -> [String] {
        guard case .array(let elements)? = value(root, path) else { return [] }
        return elements.compactMap { element in
            guard case .string(let text) = element else { return nil }
            return text.trimmingSpaces.isEmpty ? nil : text.trimmingSpaces
        }
    }

    private static func objects(_ root: JSONValue, _ path: String...) -> [JSONValue] {
        guard case .array(let elements)? = value(root, path) else { return [] }
        return elements.filter { if case .object = $0 { true } else { false } }
    }

    private static func record(_ study: JSONValue, file: String, index: Int) -> Result<RawRecord, ImportProblem> {
        func refuse(_ tag: String, _ message: String) -> Result<RawRecord, ImportProblem> {
            .failure(ImportProblem(file: file, record: index, tag: tag, message: message + "; record refused"))
        }
        guard case .object = study, let protocolSection = value(study, ["protocolSection"]) else {
            return refuse("protocolSection", "not a study: it has no protocolSection")
        }
        guard let nct = text(protocolSection, "identificationModule", "nctId") else {
            return refuse("protocolSection.identificationModule.nctId", "the study has no NCT number")
        }
        guard RecordText.registryIDs(in: nct) == [nct] else {
            return refuse("protocolSection.identificationModule.nctId", "\"\(InertText.make(nct))\" is not an NCT number (NCT and eight digits)")
        }
        var record = RawRecord(format: .ctgov, file: file, index: index)
        record.registryIDs = [nct]
        for secondary in objects(protocolSection, "identificationModule", "secondaryIdInfos") {
            for id in RecordText.registryIDs(in: text(secondary, "id") ?? "") where !record.registryIDs.contains(id) { record.registryIDs.append(id) }
        }
        record.title = text(protocolSection, "identificationModule", "officialTitle") ?? text(protocolSection, "identificationModule", "briefTitle")
        record.sponsor = text(protocolSection, "sponsorCollaboratorsModule", "leadSponsor", "name")
        record.status = text(protocolSection, "statusModule", "overallStatus")
        // A registry record's date is when it was first posted.
        record.year = (text(protocolSection, "statusModule", "studyFirstPostDateStruct", "date")
            ?? text(protocolSection, "statusModule", "studyFirstSubmitDate")).flatMap(RecordText.year(in:))
        record.journal = "ClinicalTrials.gov"
        record.studyType = text(protocolSection, "designModule", "studyType")
        record.phases = texts(protocolSection, "designModule", "phases")
        record.allocation = text(protocolSection, "designModule", "designInfo", "allocation")
        record.interventionModel = text(protocolSection, "designModule", "designInfo", "interventionModel")
        record.masking = text(protocolSection, "designModule", "designInfo", "maskingInfo", "masking")
        if let count = value(protocolSection, ["designModule", "enrollmentInfo", "count"]) {
            guard case .number(let number) = count, number >= 0, number <= 100_000_000, number == number.rounded() else {
                return refuse("protocolSection.designModule.enrollmentInfo.count", "expected a whole number of participants, found \(count.kindDescription)")
            }
            record.enrollment = Int(number)
            record.enrollmentType = text(protocolSection, "designModule", "enrollmentInfo", "type")
        }
        record.conditions = texts(protocolSection, "conditionsModule", "conditions")
        record.headings = texts(protocolSection, "conditionsModule", "keywords")
        for intervention in objects(protocolSection, "armsInterventionsModule", "interventions") {
            guard let name = text(intervention, "name") else { continue }
            record.interventions.append(.init(type: text(intervention, "type"), name: name, description: text(intervention, "description")))
        }
        for arm in objects(protocolSection, "armsInterventionsModule", "armGroups") {
            guard let label = text(arm, "label") else { continue }
            record.arms.append(.init(label: label, type: text(arm, "type"), description: text(arm, "description"),
                                     interventionNames: texts(arm, "interventionNames")))
        }
        record.primaryOutcomes = objects(protocolSection, "outcomesModule", "primaryOutcomes").compactMap { outcome in
            text(outcome, "measure").map { measure in measure + (text(outcome, "timeFrame").map { " (\($0))" } ?? "") }
        }
        if let summary = text(protocolSection, "descriptionModule", "briefSummary") {
            record.abstract = [ImportedRecord.Section(label: "Brief summary", text: summary)]
        }
        var types = [record.studyType, record.allocation, record.interventionModel].compactMap { $0 }
        types += record.phases
        record.publicationTypes = types
        return .success(record)
    }
}
