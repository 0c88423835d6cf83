// Tests NumberFormat: counts, costs (and the dollar sign's place), latencies and durations in
// English and German, and the C locale the tests run under.
#include "gui/numberformat.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace Salvo {

class TestNumberFormat : public QObject
{
    Q_OBJECT

private slots:
    void formats_data();
    void formats();
    void durationOfNothingIsUnknown();
    void timestampsFollowTheLocale();
    void costAffixesFollowTheLocale_data();
    void costAffixesFollowTheLocale();
};

namespace {

const QLocale English(QLocale::English, QLocale::UnitedStates);
const QLocale German(QLocale::German, QLocale::Germany);

// An int column, so QTest needs no metatype for it.
enum Kind { Count, Cost, Latency, Duration, Rate };

} // namespace

void TestNumberFormat::formats_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("en count") << English << int(Count) << 1234567.0 << u"1,234,567"_s;
    QTest::newRow("de count") << German << int(Count) << 1234567.0 << u"1.234.567"_s;
    QTest::newRow("C count has no groups") << QLocale::c() << int(Count) << 1234567.0
                                           << u"1234567"_s;
    QTest::newRow("en cost") << English << int(Cost) << 1234.56 << u"$1,234.56"_s;
    QTest::newRow("de cost") << German << int(Cost) << 1234.56 << u"1.234,56\u00A0$"_s;
    QTest::newRow("en zero cost") << English << int(Cost) << 0.0 << u"$0.00"_s;
    QTest::newRow("en cents") << English << int(Cost) << 0.0125 << u"$0.0125"_s;
    QTest::newRow("de cents") << German << int(Cost) << 0.0125 << u"0,0125\u00A0$"_s;
    QTest::newRow("en fraction of a cent") << English << int(Cost) << 0.000369 << u"$0.000369"_s;
    QTest::newRow("C cost keeps the dollar in front") << QLocale::c() << int(Cost) << 0.5
                                                      << u"$0.5000"_s;
    QTest::newRow("en ms") << English << int(Latency) << 850.0 << u"850 ms"_s;
    QTest::newRow("en s") << English << int(Latency) << 1260.0 << u"1.3 s"_s;
    QTest::newRow("de s") << German << int(Latency) << 1260.0 << u"1,3 s"_s;
    QTest::newRow("de long latency") << German << int(Latency) << 12345678.0
                                     << u"12.345,7 s"_s;
    QTest::newRow("en seconds") << English << int(Duration) << 45.4 << u"45 s"_s;
    QTest::newRow("en minutes") << English << int(Duration) << 185.0 << u"3 min 5 s"_s;
    QTest::newRow("en hours") << English << int(Duration) << 3720.0 << u"1 h 2 min"_s;
    QTest::newRow("de many hours") << German << int(Duration) << 4000.0 * 3600
                                   << u"4.000 h 0 min"_s;
    QTest::newRow("en rate") << English << int(Rate) << 1234.56 << u"1,234.6"_s;
    QTest::newRow("de rate") << German << int(Rate) << 1234.56 << u"1.234,6"_s;
}

void TestNumberFormat::formats()
{
    QFETCH(QLocale, locale);
    QFETCH(int, kind);
    QFETCH(double, value);
    QFETCH(QString, expected);
    const NumberFormat format(locale);
    switch (kind) {
    case Count:
        QCOMPARE(format.count(qint64(value)), expected);
        break;
    case Cost:
        QCOMPARE(format.cost(value), expected);
        break;
    case Latency:
        QCOMPARE(format.latency(qint64(value)), expected);
        break;
    case Duration:
        QCOMPARE(format.duration(value), expected);
        break;
    case Rate:
        QCOMPARE(format.rate(value), expected);
        break;
    }
}

void TestNumberFormat::durationOfNothingIsUnknown()
{
    QCOMPARE(NumberFormat(English).duration(-1), u"unknown"_s);
    QCOMPARE(NumberFormat(English).duration(qQNaN()), u"unknown"_s);
}

void TestNumberFormat::timestampsFollowTheLocale()
{
    const QDateTime local(QDate(2026, 12, 1), QTime(14, 3, 7, 250), Qt::LocalTime);
    const QDateTime utc = local.toUTC(); // attempts are stored in UTC and shown in local time
    QCOMPARE(NumberFormat(English).timestamp(utc), u"12/1/26 14:03:07.250"_s);
    QCOMPARE(NumberFormat(German).timestamp(utc), u"01.12.26 14:03:07.250"_s);
    QVERIFY(NumberFormat(English).timestamp(QDateTime()).isEmpty());
}

void TestNumberFormat::costAffixesFollowTheLocale_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("suffix");
    QTest::newRow("en before") << English << u"$"_s << QString();
    QTest::newRow("de after") << German << QString() << u"\u00A0$"_s;
    QTest::newRow("C before") << QLocale::c() << u"$"_s << QString();
}

void TestNumberFormat::costAffixesFollowTheLocale()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, prefix);
    QFETCH(QString, suffix);
    const NumberFormat format(locale);
    const CostAffixes affixes = format.costAffixes();
    QCOMPARE(affixes.prefix, prefix);
    QCOMPARE(affixes.suffix, suffix);
    // A spin box showing 2.00 between them reads as cost() writes it.
    QCOMPARE(affixes.prefix + locale.toString(2.0, 'f', 2) + affixes.suffix, format.cost(2.0));
}

} // namespace Salvo

QTEST_GUILESS_MAIN(Salvo::TestNumberFormat)
#include "tst_numberformat.moc"
