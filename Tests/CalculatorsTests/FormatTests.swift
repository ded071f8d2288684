@testable import Calculators
import Testing

@Suite struct FormatTests {
    @Test(arguments: [
        (Quantity(1_000_000, .writes), "1,000,000 writes"),
        (Quantity(100, .seconds), "100 s"),
        (Quantity(1_000, .seconds), "16.7 min"),
        (Quantity(50, .milliseconds), "50 ms"),
        (Quantity(0.0004, .seconds), "400 µs"),
        (Quantity(8_000_000, .bytes), "8 MB"),
        (Quantity(80_000, .bytes), "80 KB"),
        (Quantity(8, .bytes), "8 B"),
        (Quantity(5, .petabytes), "5 PB"),
        (Quantity(11.1111, .dollarsPerMillisecond), "$11.11/ms"),
        (Quantity(115_000, .dollarsPerMonth), "$115,000/month"),
        (Quantity(2_148_000, .dollarsPerYear), "$2,148,000/year"),
        (Quantity(21_480_000, .dollarsPerYear), "$21.5M/year"),
        (Quantity(0.010_74, .dollarsPerYear), "$0.0107/year"),
        (Quantity(0.000_029_4, .dollarsPerDay), "$0.0000294/day"),
        (Quantity(2.7778, .times), "2.78×"),
        (Quantity(54.1176, .percent), "54.1 %"),
        (Quantity(0.023, .dollarsPerGBMonth), "$0.023/GB-month"),
        (Quantity(.nan, .seconds), "n/a"),
        (Quantity(.infinity, .dollarsPerMonth), "n/a"),
        (Quantity(3e15, .writes), "3P writes"),
    ])
    func quantities(_ q: Quantity, _ expected: String) {
        #expect(Format.quantity(q) == expected)
    }

    @Test func significantFigures() {
        #expect(Format.significant(2.857142) == "2.86")
        #expect(Format.significant(12_345) == "12,300")
        #expect(Format.significant(0.000_123_45) == "0.000123")
        #expect(Format.significant(-1.5) == "-1.5")
        #expect(Format.significant(0) == "0")
    }
}
