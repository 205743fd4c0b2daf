import Dispatch

/// Independent tasks spread over every core, results in task order: indexing, sort values and
/// large filters use it.
public enum Parallel {
    /// Runs `task` for 0..<count concurrently and returns the results in that order.
    public static func map<Result: Sendable>(_ count: Int, _ task: @Sendable (Int) -> Result) -> [Result] {
        guard count > 1 else { return (0..<count).map(task) }
        var results = [Result?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = Slots(buffer)
            DispatchQueue.concurrentPerform(iterations: count) { index in slots.set(index, task(index)) }
        }
        // concurrentPerform returns after every task has run, so every slot is filled.
        return results.compactMap { $0 }
    }

    /// Whether `test` holds for any element, tested on every core for a large array: reading one
    /// field of each of 1,000,000 studies is a tenth to a fifth of a second on one.
    public static func contains<Element: Sendable>(_ elements: [Element], where test: @Sendable (Element) -> Bool) -> Bool {
        guard elements.count >= 20_000 else { return elements.contains(where: test) }
        let pieces = ranges(elements.count, chunks: 8)
        return map(pieces.count) { piece in elements[pieces[piece]].contains(where: test) }.contains(true)
    }

    /// Runs `side` on another thread while the calling thread runs `body`, and returns both
    /// results once both are done. Unlike a `map` of two tasks, `body` may itself `map` on
    /// every core: an apply nested in another shares its width and would get one core.
    public static func beside<Side: Sendable, Main>(_ side: @escaping @Sendable () -> Side, while body: () -> Main) -> (Main, Side) {
        let slot = Handover<Side>()
        // A queue of our own gets a thread of its own at once, even while every thread of the
        // global pool is busy with the body's work.
        besideQueue.async { slot.put(side()) }
        let main = body()
        return (main, slot.take())
    }

    /// `0..<count` cut into `chunkCount` consecutive ranges of nearly equal length (the last ones
    /// may be empty), for `map` over chunks of a large list.
    public static func ranges(_ count: Int, chunks chunkCount: Int) -> [Range<Int>] {
        let chunks = max(1, chunkCount)
        let size = (count + chunks - 1) / chunks
        return (0..<chunks).map { chunk in min(chunk * size, count)..<min((chunk + 1) * size, count) }
    }

    private static let besideQueue = DispatchQueue(label: "study-browser.beside", qos: .userInitiated, attributes: .concurrent)

    /// One value handed from the thread that makes it to the thread that waits for it: the
    /// semaphore orders the write before the read.
    private final class Handover<Value: Sendable>: @unchecked Sendable {
        private var value: Value?
        private let ready = DispatchSemaphore(value: 0)

        func put(_ made: Value) {
            value = made
            ready.signal()
        }

        func take() -> Value {
            ready.wait()
            guard let taken = value else { preconditionFailure("a handover is taken once, after it was put") }
            // Not kept: the putting thread may still hold this box a moment longer.
            value = nil
            return taken
        }
    }

    /// The result slots: each task writes only its own index, and all are read after every
    /// task has finished, so sharing them across threads is safe.
    private struct Slots<Element>: @unchecked Sendable {
        private let buffer: UnsafeMutableBufferPointer<Element?>
        init(_ buffer: UnsafeMutableBufferPointer<Element?>) { self.buffer = buffer }
        func set(_ index: Int, _ value: Element) { buffer[index] = value }
    }
}
