import BrowserCore
import CNcursesw

/// Turns function-key codes from `wgetch` and characters decoded by `KeyboardBytes` into `Key`s.
enum KeyDecoder {
    /// A function-key code (above 255).
    static func function(_ code: Int32, size: Size) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize(size)
        default:
            for number in 1...12 where code == shim_key_f(Int32(number)) { return .function(number) }
            return .unknown(Int(code))
        }
    }

    /// A character code.
    static func character(_ value: UInt32) -> Key {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(value + 96) ?? "?"))
        default:
            guard let scalar = Unicode.Scalar(value), !scalar.properties.generalCategory.isControlLike else { return .unknown(Int(value)) }
            return .character(Character(scalar))
        }
    }
}

private extension Unicode.GeneralCategory {
    var isControlLike: Bool { self == .control || self == .format || self == .surrogate || self == .unassigned }
}
