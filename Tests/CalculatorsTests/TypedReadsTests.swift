@testable import Calculators
import Testing

/// Reads that convert: a model asks for seconds, bytes or a fraction, and the
/// parameter's own unit decides the factor.
@Suite struct TypedReadsTests {
    @Test func readsConvertFromTheParametersUnit() {
        let fanout = FanOut().defaults
        #expect(fanout.seconds("pull_write_ms") == 0.01)
        #expect(fanout.seconds("read_cached_ms") == 0.05)
        #expect(fanout.fraction("active_percent") == 0.01)
        #expect(fanout.quantity("entry_bytes") == Quantity(8, .bytes))
        #expect(StorageTiers().defaults.bytes("size_pb") == 5e15)
        #expect(Population().defaults.perSecond("posts_per_day") == 2.7 / 86_400)
        #expect(CacheTiers().defaults.dollarsPerMonth("full_cost") == 5_000)
        #expect(WriteBatching().defaults.value("flush_ms", in: .minutes) == 0.5 / 60)
    }

    #if DEBUG
    @Test func aReadInTheWrongKindOfUnitStopsADebugBuild() async {
        await #expect(processExitsWith: .failure) {
            _ = FanOut().defaults.seconds("followers")
        }
    }

    @Test func addingUnlikeQuantitiesStopsADebugBuild() async {
        await #expect(processExitsWith: .failure) {
            _ = Quantity(1, .seconds) + Quantity(1, .bytes)
        }
    }
    #endif

    @Test func operatorsWorkInTheLeftHandUnit() {
        #expect(Quantity(1, .seconds) + Quantity(500, .milliseconds) == Quantity(1.5, .seconds))
        #expect(Quantity(500, .milliseconds) - Quantity(0.25, .seconds) == Quantity(250, .milliseconds))
        #expect(Quantity.min(Quantity(2, .seconds), Quantity(500, .milliseconds)) == Quantity(0.5, .seconds))
        #expect(Quantity.max(Quantity(2, .minutes), Quantity(60, .seconds)) == Quantity(2, .minutes))
        #expect((Quantity(1_000_000, .writes) / Quantity(10_000, .writesPerSecond)) == Quantity(100, .seconds))
        #expect((Quantity(3_600, .writesPerSecond) * Quantity(500, .milliseconds)) == Quantity(1_800, .count))
        #expect(Quantity(8, .bytes) * 3 == Quantity(24, .bytes))
        #expect(Quantity(1, .gigabytes).expressed(in: .megabytes) == Quantity(1_000, .megabytes))
    }

    @Test func wholeFactorsDivideSoHandSumsMatch() {
        #expect(Quantity(50, .milliseconds).baseValue == 50.0 / 1_000)
        #expect(Quantity(70, .percent).baseValue + Quantity(30, .percent).baseValue == 70.0 / 100 + 30.0 / 100)
        #expect(Quantity(0.1, .seconds).measured(in: .milliseconds) == 100)
    }

    @Test func aPricedVolumeKeepsItsDecimalTie() {
        // 0.15 TB of RAM at $16.31/GB-month is $2,446.50: shown $2,447, not $2,446.
        let cost = Quantity(0.15, .terabytes) * Quantity(16.31, .dollarsPerGBMonth)
        #expect(cost == Quantity(2_446.5, .dollarsPerMonth))
        #expect(Format.quantity(cost) == "$2,447/month")
        #expect(Quantity(5, .petabytes) * Quantity(0.023, .dollarsPerGBMonth) == Quantity(115_000, .dollarsPerMonth))
    }
}

/// TB/day and TB/month are rates of data, not volumes: they convert into each
/// other by the month's 30.4 days, and never pass for a TB.
@Suite struct DataRateTests {
    @Test func aDayIsAThirtyPointFourthOfAMonth() throws {
        let monthly = try Quantity(100, .terabytesPerDay).converted(to: .terabytesPerMonth)
        #expect(close(monthly.value, 100 * 365 / 12))
        #expect(close(try Quantity(1, .gigabytesPerSecond).converted(to: .terabytesPerDay).value, 86.4))
    }

    @Test func aRateIsNotAVolume() {
        #expect(throws: UnitError.incompatible(from: .terabytesPerDay, to: .terabytes)) {
            try Quantity(100, .terabytesPerDay).converted(to: .terabytes)
        }
        #expect(throws: UnitError.incompatible(from: .terabytesPerMonth, to: .terabytes)) {
            try Quantity(1, .terabytesPerMonth).converted(to: .terabytes)
        }
    }

    @Test func aRatePricedPerGigabyteIsMoneyPerMonth() {
        let bill = Quantity(100, .terabytesPerDay) * Quantity(0.05, .dollarsPerGB)
        #expect(bill.unit == .dollarsPerMonth)
        #expect(close(bill.value, 100 * 365 / 12 * 1_000 * 0.05))
        #expect(Quantity(3_000, .terabytesPerMonth) * Quantity(0.09, .dollarsPerGB) == Quantity(270_000, .dollarsPerMonth))
    }

    @Test func ratesReadInTheirOwnPeriod() throws {
        #expect(Format.quantity(Quantity(100, .terabytesPerDay)) == "100 TB/day")
        #expect(Format.quantity(Quantity(3_000, .terabytesPerMonth)) == "3 PB/month")
        #expect(Format.quantity(Quantity(0.5, .gigabytesPerSecond)) == "500 MB/s")
        #expect(Format.literal(Quantity(3_000, .terabytesPerMonth)) == "3,000 TB/month")
        #expect(try Unit.named("TB/day") == .terabytesPerDay)
    }

    @Test func typedRatesConvertAndBareVolumesUseTheFieldsPeriod() throws {
        let transfer = try #require(CDNCost().parameter("transfer_tb"))
        #expect(close(try transfer.parse("100 TB/day"), 100 * 365 / 12))
        #expect(try transfer.parse("3PB") == 3_000)
        let daily = try #require(MonthlyBill().parameter("transfer_tb_per_day"))
        #expect(try daily.parse("5 TB") == 5)
        #expect(close(try daily.parse("3041.67 TB/month"), 100, within: 1e-5))
        #expect(throws: ParameterError.self) { try daily.parse("5 s") }
    }
}
