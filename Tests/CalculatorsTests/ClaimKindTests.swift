@testable import Calculators
import Testing

/// Claims about the model itself: which input moves a result most, and where a
/// decision flips. Checked by running the model, so a changed model changes the verdict.
@Suite struct ClaimKindTests {
    let cdn = CDNCost()

    /// At the defaults the origin's egress price moves the saving most: 3,000 TB × $0.09/GB
    /// is $270K of it, so ±20 % swings it by $108K (transfer volume moves it by $84K).
    @Test func mostSensitiveHoldsForTheTornadosFirstInputAndItsSwing() {
        let claim = Claim(id: "s", text: "hinges on the origin price", resultKey: "savings.monthly",
                          stated: Quantity(108_000, .dollarsPerMonth), tolerance: 0.01, kind: .mostSensitive(parameter: "origin_price"))
        let check = claim.evaluate(cdn, cdn.defaults)
        #expect(check.holds)
        #expect(check.computed.map { close($0.value, 108_000) } == true)
        #expect(check.reason == "origin egress moves it most; origin egress, ±20 %, swings it by $108,000/month, as the board says")
    }

    @Test func mostSensitiveFailsNamingTheInputThatMovesItMore() {
        let claim = Claim(id: "s", text: "hinges on volume", resultKey: "savings.monthly",
                          stated: Quantity(84_000, .dollarsPerMonth), kind: .mostSensitive(parameter: "transfer_tb"))
        let check = claim.evaluate(cdn, cdn.defaults)
        #expect(!check.holds)
        #expect(check.reason == "origin egress moves it most (±20 %: $108,000/month); transfer only $84,000/month")
        // The right input with the wrong swing fails on the figure.
        let wrongSwing = Claim(id: "s", text: "", resultKey: "savings.monthly", stated: Quantity(50_000, .dollarsPerMonth),
                               kind: .mostSensitive(parameter: "origin_price"))
        #expect(!wrongSwing.evaluate(cdn, cdn.defaults).holds)
        // When the model changes what matters, the verdict follows: with a tiny origin price the
        // origin fleet's cost matters more than the price.
        let cheap = try! cdn.inputs(setting: ["origin_price": 0.001])
        #expect(!claim.evaluate(cdn, cheap).holds)
    }

    /// The CDN stays cheaper until its fee passes what it saves: $320K − $70K = $250K a month.
    @Test func breakEvenMatchesTheAnalyticFlip() {
        let claim = Claim(id: "b", text: "the CDN loses only past a $250K fee", resultKey: "cheaper",
                          stated: Quantity(250_000, .dollarsPerMonth), tolerance: 0.001, kind: .breakEven(parameter: "cdn_fee"))
        let check = claim.evaluate(cdn, cdn.defaults)
        #expect(check.holds)
        #expect(check.computed.map { close($0.value, 250_000, within: 1e-6) } == true)
        #expect(check.reason.hasPrefix("cheaper delivery turns from CDN to origin at $250,000/month"))
        let wrong = Claim(id: "b", text: "", resultKey: "cheaper", stated: Quantity(100_000, .dollarsPerMonth),
                          kind: .breakEven(parameter: "cdn_fee"))
        #expect(!wrong.evaluate(cdn, cdn.defaults).holds)
    }

    @Test func aDecisionThatDoesNotFlipOrDoesNotExistSaysSo() {
        // With these fees the CDN wins at any volume, down to none: no flip.
        let none = Claim(id: "b", text: "", resultKey: "cheaper", stated: Quantity(1_000, .terabytesPerMonth),
                         kind: .breakEven(parameter: "transfer_tb"))
        let check = none.evaluate(cdn, cdn.defaults)
        #expect(!check.holds)
        #expect(check.reason.hasSuffix("it does not flip"))
        let unknown = Claim(id: "b", text: "", resultKey: "fastest", stated: Quantity(1, .count), kind: .breakEven(parameter: "cdn_fee"))
        #expect(unknown.evaluate(cdn, cdn.defaults).reason == "cdn makes no decision \"fastest\" (decisions: cheaper)")
        // Read from an output alone, a model claim is never taken to hold.
        #expect(!none.evaluate(cdn.evaluate(cdn.defaults)).holds)
    }

    /// The single break-even is the row `breakEvens` gives for the same pair.
    @Test func oneBreakEvenIsTheSameRowAsTheFullTable() throws {
        let storage = StorageTiers()
        let all = Sensitivity.breakEvens(storage, storage.defaults)
        for row in all.rows {
            let one = try Sensitivity.breakEven(storage, storage.defaults, decision: row.decision, parameter: row.parameter.key)
            #expect(one == row)
        }
    }
}
