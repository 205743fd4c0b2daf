#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Copies text to the user's clipboard through the terminal (OSC 52), which also works over SSH.
public enum OSC52 {
    /// Largest text sent (before base64); terminals and tmux refuse or cut longer ones.
    public static let maximumBytes = 8_192

    /// What sits between the program and the user's terminal, and so how to wrap the sequence.
    public enum Route: Sendable, Equatable {
        case direct
        /// Inside tmux: a plain sequence (tmux keeps it with `set-clipboard on`) and a passthrough copy.
        case tmux
        /// Inside GNU screen, which does not know OSC 52: wrapped in DCS passthrough, in chunks.
        case screen
        /// A terminal that cannot receive it (the Linux console, dumb terminals), with the reason.
        case unsupported(String)

        /// The route for an environment (TMUX, STY, TERM).
        public static func detect(environment: [String: String]) -> Route {
            let term = environment["TERM"] ?? ""
            if environment["TMUX"].map({ !$0.isEmpty }) == true { return .tmux }
            if environment["STY"].map({ !$0.isEmpty }) == true || term.hasPrefix("screen") { return .screen }
            if term == "linux" { return .unsupported("the Linux console cannot receive clipboard text") }
            if term.isEmpty || term == "dumb" { return .unsupported("this terminal cannot receive clipboard text") }
            return .direct
        }
    }

    /// Why text cannot be sent.
    public enum Failure: Error, Equatable {
        case tooLarge(Int)
        case unsupported(String)
    }

    /// The bytes to write to the terminal for `text`.
    public static func sequence(for text: String, route: Route) throws(Failure) -> String {
        let bytes = Data(text.utf8)
        guard bytes.count <= maximumBytes else { throw .tooLarge(bytes.count) }
        let payload = bytes.base64EncodedString()
        switch route {
        case .direct: return plain(payload)
        case .tmux: return plain(payload) + tmux(payload)
        case .screen: return screen(payload)
        case .unsupported(let reason): throw .unsupported(reason)
        }
    }

    /// ESC ] 52 ; c ; base64 BEL
    static func plain(_ payload: String) -> String { "\u{1B}]52;c;\(payload)\u{07}" }

    /// tmux passthrough: ESC P tmux; <sequence with each ESC doubled> ESC \
    static func tmux(_ payload: String) -> String { "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;\(payload)\u{07}\u{1B}\\" }

    /// screen passthrough, in pieces of 76 characters because screen limits one DCS string.
    static func screen(_ payload: String) -> String {
        var output = "\u{1B}P\u{1B}]52;c;"
        var rest = Substring(payload)
        while !rest.isEmpty {
            output += rest.prefix(76)
            rest = rest.dropFirst(76)
            if !rest.isEmpty { output += "\u{1B}\\\u{1B}P" }
        }
        return output + "\u{07}\u{1B}\\"
    }
}
