// Unit tests of the hand-written JSON pieces (jsonString, appendJsonNumber) and of ItemJsonWriter:
// each writes byte for byte what QJsonDocument writes for the same value, for texts full of what
// JSON must escape (control characters, quotes, surrogate pairs, lone surrogates), for numbers
// at the edges of the integer form, and for items with repeated and non-ASCII column names.
#include "core/common/jsonstring.h"
#include "core/io/itemjsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using namespace Salvo;

namespace {

QByteArray qtString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray qtNumber(double value)
{
    const QByteArray object = QJsonDocument(QJsonObject{{u"n"_s, value}}).toJson(QJsonDocument::Compact);
    return object.mid(5, object.size() - 6); // {"n":…}
}

// What the writer replaced: the item as a QJsonObject, written by QJsonDocument.
QByteArray qtItem(const QStringList &columns, const PromptTemplate &prompt, const ItemRow &row,
                  const ItemResult &result)
{
    QJsonObject input;
    for (qsizetype c = 0; c < columns.size(); ++c)
        input.insert(columns.at(c), c < row.cells.size() ? row.cells.at(c) : QString());
    const bool ok = result.state == ItemState::Ok;
    // An item still to be sent again has no final error yet, whatever its last attempt said.
    const bool ended = result.state == ItemState::Failed || result.state == ItemState::Cancelled;
    const QJsonObject object{
        {u"idx"_s, result.idx},
        {u"input"_s, input},
        {u"prompt"_s, prompt.render(row.cells, row.idx)},
        {u"output"_s, ok ? QJsonValue(result.output) : QJsonValue(QJsonValue::Null)},
        {u"error"_s, !ended || result.error.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                      : QJsonValue(result.error)},
        {u"status"_s, itemStateName(result.state)},
        {u"attempts"_s, result.attempts},
        {u"latency_ms"_s, result.latencyMs},
        {u"input_tokens"_s, result.inputTokens},
        {u"output_tokens"_s, result.outputTokens},
        {u"cost_usd"_s, result.costUsd}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Random UTF-16, weighted toward what needs care: ASCII controls, quotes and backslashes,
// two- and three-byte characters, surrogate pairs and lone surrogates.
QString randomText(QRandomGenerator &random, int maxLength)
{
    const int length = int(random.bounded(maxLength + 1));
    QString text;
    for (int i = 0; i < length; ++i) {
        switch (random.bounded(8)) {
        case 0: text += QChar(char16_t(random.bounded(0x20))); break;
        case 1: text += QChar(u"\"\\/\x7f"[random.bounded(4)]); break;
        case 2: text += QChar(char16_t(0x80 + random.bounded(0x780))); break;
        case 3: text += QChar(char16_t(0x800 + random.bounded(0xd000))); break;
        case 4: text += QChar(char16_t(0xe000 + random.bounded(0x2000))); break;
        case 5: text += QChar(char16_t(0xd800 + random.bounded(0x800))); break; // maybe lone
        case 6:
            text += QString::fromUcs4(std::array<char32_t, 1>{char32_t(0x10000 + random.bounded(0xfffff))}.data(), 1);
            break;
        default: text += QChar(char16_t(0x20 + random.bounded(0x5f))); break;
        }
    }
    return text;
}

} // namespace

class TestItemJsonWriter final : public QObject
{
    Q_OBJECT

private slots:
    void escapesStringsAsQtDoes_data();
    void escapesStringsAsQtDoes();
    void escapesRandomStringsAsQtDoes();
    void writesNumbersAsQtDoes_data();
    void writesNumbersAsQtDoes();
    void writesItemsAsQtDoes_data();
    void writesItemsAsQtDoes();
    void writesRandomItemsAsQtDoes();
};

void TestItemJsonWriter::escapesStringsAsQtDoes_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("plain") << u"Ticket 17: please classify this"_s;
    QTest::newRow("escapes") << u"quote \" backslash \\ slash / tab \t newline \n cr \r"_s;
    QTest::newRow("controls") << QString::fromUtf16(u"\x01\x02\b\f\x1b\x1f\x7f");
    QTest::newRow("two and three bytes") << u"naïve café — ∑ 日本語 \u2028 \uffff"_s;
    QTest::newRow("surrogate pair") << u"emoji 😀 and 𝄞"_s;
    QTest::newRow("lone high") << QString(QChar(char16_t(0xd83d))) + u"x"_s;
    QTest::newRow("lone high at end") << u"x"_s + QChar(char16_t(0xd83d));
    QTest::newRow("lone low") << u"a"_s + QChar(char16_t(0xde00)) + u"b"_s;
    QTest::newRow("two highs then low") << QString::fromUtf16(u"\xd83d\xd83d\xde00");
}

void TestItemJsonWriter::escapesStringsAsQtDoes()
{
    QFETCH(QString, text);
    QCOMPARE(jsonString(text), qtString(text));
    QByteArray appended = "prefix";
    appendJsonString(appended, text);
    QCOMPARE(appended, "prefix" + qtString(text));
}

void TestItemJsonWriter::escapesRandomStringsAsQtDoes()
{
    QRandomGenerator random(20261203);
    for (int i = 0; i < 5000; ++i) {
        const QString text = randomText(random, 40);
        QCOMPARE(jsonString(text), qtString(text));
    }
}

void TestItemJsonWriter::writesNumbersAsQtDoes_data()
{
    QTest::addColumn<double>("value");
    const double exact = 9007199254740992.0; // 2^53
    const QList<std::pair<const char *, double>> values = {
        {"zero", 0.0}, {"negative zero", -0.0}, {"one", 1.0}, {"cent", 0.01},
        {"tiny cost", 2.5e-05}, {"small cost", 0.000123456789}, {"dollars", 4.0072},
        {"integral large", 1e15}, {"2^53", exact}, {"-2^53", -exact},
        {"beyond 2^53", exact * 2}, {"1e20", 1e20}, {"1e300", 1e300}, {"denormal", 5e-324},
        {"negative", -3.25}, {"third", 1.0 / 3.0},
        {"infinity", std::numeric_limits<double>::infinity()},
        {"nan", std::numeric_limits<double>::quiet_NaN()}};
    for (const auto &[name, value] : values)
        QTest::newRow(name) << value;
}

void TestItemJsonWriter::writesNumbersAsQtDoes()
{
    QFETCH(double, value);
    QByteArray out;
    appendJsonNumber(out, value);
    QCOMPARE(out, qtNumber(value));
}

void TestItemJsonWriter::writesItemsAsQtDoes_data()
{
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<int>("state");
    QTest::addColumn<QStringList>("cells");

    const QStringList columns = {u"text"_s, u"Zeta"_s, u"été"_s, u"😀"_s, u"！"_s, u""_s};
    QTest::newRow("ok") << columns << u"Classify {{text}} ({{Zeta}})"_s << int(ItemState::Ok)
                        << QStringList{u"line \"one\"\n"_s, u"z"_s, u"é"_s, u"😀"_s, u"!"_s, u""_s};
    QTest::newRow("failed") << columns << u"{{text}}"_s << int(ItemState::Failed)
                            << QStringList{u"x"_s, u"y"_s};
    QTest::newRow("repeated names keep the last")
        << QStringList{u"a"_s, u"b"_s, u"a"_s} << u"{{a}} {{b}}"_s << int(ItemState::Ok)
        << QStringList{u"first"_s, u"middle"_s, u"last"_s};
    QTest::newRow("queued, no cells") << QStringList{u"text"_s} << u"{{text}}"_s
                                      << int(ItemState::Queued) << QStringList{};
}

void TestItemJsonWriter::writesItemsAsQtDoes()
{
    QFETCH(QStringList, columns);
    QFETCH(QString, prompt);
    QFETCH(int, state);
    QFETCH(QStringList, cells);

    auto parsed = PromptTemplate::parse(prompt, columns);
    QVERIFY2(parsed.ok(), qPrintable(prompt));
    const PromptTemplate promptTemplate = parsed.takeValue();
    const ItemJsonWriter writer(columns, promptTemplate);
    ItemRow row{41, cells};
    ItemResult result;
    result.idx = 41;
    result.state = ItemState(state);
    result.output = u"billing \\ \"refund\"\t😀"_s;
    result.error = result.state == ItemState::Ok ? QString() : u"HTTP 500: overloaded"_s;
    result.attempts = 3;
    result.latencyMs = 2345;
    result.inputTokens = 25;
    result.outputTokens = 36;
    result.costUsd = 0.0002034;

    QByteArray out;
    writer.append(out, row, result);
    QCOMPARE(out, qtItem(columns, promptTemplate, row, result));
}

void TestItemJsonWriter::writesRandomItemsAsQtDoes()
{
    QRandomGenerator random(3122026);
    for (int run = 0; run < 200; ++run) {
        QStringList columns;
        const int columnCount = 1 + int(random.bounded(5));
        for (int c = 0; c < columnCount; ++c)
            columns << (random.bounded(4) == 0 && c > 0 ? columns.at(0) : randomText(random, 6));
        const PromptTemplate promptTemplate = PromptTemplate::column(0);
        const ItemJsonWriter writer(columns, promptTemplate);
        for (int i = 0; i < 10; ++i) {
            ItemRow row;
            row.idx = qint64(random.bounded(1000000));
            for (int c = 0; c < int(random.bounded(columnCount + 1)); ++c)
                row.cells << randomText(random, 30);
            ItemResult result;
            result.idx = row.idx;
            result.state = ItemState(random.bounded(6));
            result.output = randomText(random, 60);
            result.error = random.bounded(2) ? randomText(random, 20) : QString();
            result.attempts = int(random.bounded(10));
            result.latencyMs = qint64(random.bounded(100000));
            result.inputTokens = qint64(random.bounded(5000));
            result.outputTokens = qint64(random.bounded(5000));
            result.costUsd = random.bounded(2) ? random.generateDouble() : 0.0;
            QByteArray out;
            writer.append(out, row, result);
            QCOMPARE(out, qtItem(columns, promptTemplate, row, result));
        }
    }
}

QTEST_GUILESS_MAIN(TestItemJsonWriter)
#include "tst_itemjsonwriter.moc"
