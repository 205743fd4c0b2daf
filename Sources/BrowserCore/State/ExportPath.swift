/// Editing and reading the export path as typed: words to delete, and `~` for the home folder.
enum ExportPath {
    /// The path without its last word: back over trailing separators, then to the previous
    /// `/`, `.`, `-`, `_` or space (kept), as Ctrl-W does in a shell.
    static func deletingLastWord(_ path: String) -> String {
        let separators: Set<Character> = ["/", ".", "-", "_", " "]
        var characters = Array(path)
        while let last = characters.last, separators.contains(last) { characters.removeLast() }
        while let last = characters.last, !separators.contains(last) { characters.removeLast() }
        return String(characters)
    }

    /// `~` or `~/…` with the home folder in front; anything else as typed. Without a home folder
    /// the path is left alone, so the writer's own message says what is wrong with it.
    static func expandingHome(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty, path == "~" || path.hasPrefix("~/") else { return path }
        let base = home.hasSuffix("/") ? String(home.dropLast()) : home
        return base + path.dropFirst()
    }
}
