// Unit tests of PriceTable: the default prices, exact and longest-prefix lookup of dated model
// names, cost arithmetic, and user overrides read from a JSON file.
#include "core/engine/pricetable.h"

#include <QFile>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Salvo;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qWarning("cannot write %s", qPrintable(path));
    return path;
}

} // namespace

class TestPriceTable final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void defaults_data();
    void defaults();
    void defaultsAreSane();
    void find_data();
    void find();
    void longestPrefixWinsWhateverTheOrder();
    void exactNameBeatsPrefix();
    void cost_data();
    void cost();
    void setReplacesOrAdds();

    void loadOverrides();
    void loadOverridesEmptyObject();
    void loadOverridesErrors_data();
    void loadOverridesErrors();
    void loadOverridesMissingFile();
};

void TestPriceTable::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPriceTable::defaults_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<double>("input");
    QTest::addColumn<double>("output");

    QTest::newRow("claude-sonnet-4-5") << u"claude-sonnet-4-5"_s << 3.00 << 15.00;
    QTest::newRow("claude-haiku-4-5") << u"claude-haiku-4-5"_s << 1.00 << 5.00;
    QTest::newRow("claude-opus-4-5") << u"claude-opus-4-5"_s << 5.00 << 25.00;
    QTest::newRow("claude-opus-4-6") << u"claude-opus-4-6"_s << 5.00 << 25.00;
    QTest::newRow("claude-opus-4-7") << u"claude-opus-4-7"_s << 5.00 << 25.00;
    QTest::newRow("claude-opus-4-8") << u"claude-opus-4-8"_s << 5.00 << 25.00;
    QTest::newRow("claude-opus-4-1") << u"claude-opus-4-1"_s << 15.00 << 75.00;
    QTest::newRow("claude-opus-4") << u"claude-opus-4"_s << 15.00 << 75.00;
    QTest::newRow("gpt-4o") << u"gpt-4o"_s << 2.50 << 10.00;
    QTest::newRow("gpt-4o-mini") << u"gpt-4o-mini"_s << 0.15 << 0.60;
    QTest::newRow("gpt-4.1") << u"gpt-4.1"_s << 2.00 << 8.00;
    QTest::newRow("gpt-4.1-mini") << u"gpt-4.1-mini"_s << 0.40 << 1.60;
}

void TestPriceTable::defaults()
{
    QFETCH(QString, model);
    QFETCH(double, input);
    QFETCH(double, output);

    const auto price = PriceTable::defaults().find(model);
    QVERIFY(price);
    QCOMPARE(price->model, model);
    QCOMPARE(price->inputPerMillion, input);
    QCOMPARE(price->outputPerMillion, output);
}

void TestPriceTable::defaultsAreSane()
{
    const QList<ModelPrice> entries = PriceTable::defaults().entries();
    QVERIFY(!entries.isEmpty());
    QSet<QString> names;
    for (const ModelPrice &price : entries) {
        QVERIFY(!price.model.isEmpty());
        QVERIFY2(!names.contains(price.model), qPrintable(price.model));
        names.insert(price.model);
        QVERIFY(price.inputPerMillion > 0);
        QVERIFY(price.outputPerMillion >= price.inputPerMillion);
    }
    QVERIFY(PriceTable::defaultsAsOf().isValid());
    QVERIFY(PriceTable().entries().isEmpty());
}

void TestPriceTable::find_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("entry"); // empty: no price known

    QTest::newRow("exact") << u"claude-sonnet-4-5"_s << u"claude-sonnet-4-5"_s;
    QTest::newRow("dated sonnet") << u"claude-sonnet-4-5-20250929"_s << u"claude-sonnet-4-5"_s;
    QTest::newRow("dated haiku") << u"claude-haiku-4-5-20251001"_s << u"claude-haiku-4-5"_s;
    QTest::newRow("dated opus 4.1, not opus 4")
        << u"claude-opus-4-1-20250805"_s << u"claude-opus-4-1"_s;
    QTest::newRow("dated opus 4") << u"claude-opus-4-20250514"_s << u"claude-opus-4"_s;
    QTest::newRow("dated opus 4.5") << u"claude-opus-4-5-20251101"_s << u"claude-opus-4-5"_s;
    QTest::newRow("gpt-4o-mini dated, not gpt-4o")
        << u"gpt-4o-mini-2024-07-18"_s << u"gpt-4o-mini"_s;
    QTest::newRow("gpt-4o dated") << u"gpt-4o-2024-08-06"_s << u"gpt-4o"_s;
    QTest::newRow("gpt-4.1-mini dated, not gpt-4.1")
        << u"gpt-4.1-mini-2025-04-14"_s << u"gpt-4.1-mini"_s;
    QTest::newRow("gpt-4.1 dated") << u"gpt-4.1-2025-04-14"_s << u"gpt-4.1"_s;
    QTest::newRow("simulator") << u"salvo-sim"_s << u"salvo-sim"_s;
    QTest::newRow("unknown model") << u"llama3.1"_s << QString();
    QTest::newRow("shorter than any entry") << u"claude-sonnet-4"_s << QString();
    QTest::newRow("gpt-4") << u"gpt-4"_s << QString();
    QTest::newRow("empty name") << QString() << QString();
}

void TestPriceTable::find()
{
    QFETCH(QString, model);
    QFETCH(QString, entry);

    const PriceTable table = PriceTable::defaults();
    const auto price = table.find(model);
    QCOMPARE(price ? price->model : QString(), entry);
    if (entry.isEmpty())
        QCOMPARE(table.cost(model, 1000000, 1000000), 0.0);
}

void TestPriceTable::longestPrefixWinsWhateverTheOrder()
{
    for (bool longFirst : {true, false}) {
        PriceTable table;
        const ModelPrice shortEntry{u"model"_s, 1, 2};
        const ModelPrice longEntry{u"model-large"_s, 10, 20};
        table.set(longFirst ? longEntry : shortEntry);
        table.set(longFirst ? shortEntry : longEntry);
        QCOMPARE(table.find(u"model-large-2026-01-01"_s)->model, u"model-large"_s);
        QCOMPARE(table.find(u"model-20260101"_s)->model, u"model"_s);
        // Only dated snapshots share a price: another variant is another model.
        QVERIFY(!table.find(u"model-small-2026-01-01"_s));
    }
}

void TestPriceTable::exactNameBeatsPrefix()
{
    PriceTable table;
    table.set({u"m"_s, 1, 1});
    table.set({u"m-x"_s, 2, 2});
    table.set({u"m-x-y"_s, 3, 3});
    QCOMPARE(table.find(u"m-x"_s)->inputPerMillion, 2.0);
    QCOMPARE(table.find(u"m"_s)->inputPerMillion, 1.0);
    QCOMPARE(table.find(u"m-x-y-20250929"_s)->inputPerMillion, 3.0);
    QCOMPARE(table.find(u"m-x-y@20250929"_s)->inputPerMillion, 3.0);
    QVERIFY(!table.find(u"m-x-y-z"_s));
    QVERIFY(!table.find(u"m-x-9"_s));
}

void TestPriceTable::cost_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<qint64>("inputTokens");
    QTest::addColumn<qint64>("outputTokens");
    QTest::addColumn<double>("usd");

    QTest::newRow("sonnet, a million each") << u"claude-sonnet-4-5"_s << qint64(1000000)
                                            << qint64(1000000) << 18.0;
    QTest::newRow("sonnet dated, small call")
        << u"claude-sonnet-4-5-20250929"_s << qint64(2000) << qint64(500) << 0.0135;
    QTest::newRow("gpt-4o-mini dated") << u"gpt-4o-mini-2024-07-18"_s << qint64(2000)
                                       << qint64(500) << 0.0006;
    QTest::newRow("gpt-4o") << u"gpt-4o"_s << qint64(2000) << qint64(500) << 0.01;
    QTest::newRow("input only") << u"claude-haiku-4-5"_s << qint64(3000000) << qint64(0) << 3.0;
    QTest::newRow("output only") << u"claude-opus-4-1"_s << qint64(0) << qint64(200000) << 15.0;
    QTest::newRow("a billion tokens") << u"gpt-4.1"_s << qint64(1000000000)
                                      << qint64(1000000000) << 10000.0;
    QTest::newRow("no tokens") << u"claude-sonnet-4-5"_s << qint64(0) << qint64(0) << 0.0;
    QTest::newRow("unknown model") << u"my-finetune"_s << qint64(5000) << qint64(5000) << 0.0;
}

void TestPriceTable::cost()
{
    QFETCH(QString, model);
    QFETCH(qint64, inputTokens);
    QFETCH(qint64, outputTokens);
    QFETCH(double, usd);

    QCOMPARE(PriceTable::defaults().cost(model, inputTokens, outputTokens), usd);
}

void TestPriceTable::setReplacesOrAdds()
{
    PriceTable table = PriceTable::defaults();
    const qsizetype count = table.entries().size();
    table.set({u"gpt-4o"_s, 1.25, 5.0});
    QCOMPARE(table.entries().size(), count);
    QCOMPARE(table.find(u"gpt-4o"_s)->inputPerMillion, 1.25);
    QCOMPARE(table.find(u"gpt-4o-2024-08-06"_s)->outputPerMillion, 5.0);
    QCOMPARE(table.find(u"gpt-4o-mini"_s)->inputPerMillion, 0.15); // untouched
    table.set({u"qwen2.5:7b"_s, 0.1, 0.2});
    QCOMPARE(table.entries().size(), count + 1);
    QCOMPARE(table.cost(u"qwen2.5:7b"_s, 1000000, 1000000), 0.3);
    QCOMPARE(table.cost(u"qwen2.5:72b"_s, 1000000, 1000000), 0.0); // a different model
}

void TestPriceTable::loadOverrides()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, u"prices.json"_s, R"({
        "claude-sonnet-4-5": {"input": 2.5, "output": 12},
        "my-local-model": {"input": 0, "output": 0.1},
        "gpt-4o": {"input": 3, "output": 12, "note": "extra keys are fine"}
    })"_ba);

    PriceTable table = PriceTable::defaults();
    const qsizetype count = table.entries().size();
    const auto loaded = table.loadOverrides(path);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error()));
    QCOMPARE(table.entries().size(), count + 1);

    const auto sonnet = table.find(u"claude-sonnet-4-5-20250929"_s);
    QVERIFY(sonnet);
    QCOMPARE(sonnet->model, u"claude-sonnet-4-5"_s);
    QCOMPARE(sonnet->inputPerMillion, 2.5);
    QCOMPARE(sonnet->outputPerMillion, 12.0);
    QCOMPARE(table.find(u"gpt-4o"_s)->inputPerMillion, 3.0);
    QCOMPARE(table.find(u"gpt-4o-mini"_s)->inputPerMillion, 0.15);
    const auto local = table.find(u"my-local-model"_s);
    QVERIFY(local);
    QCOMPARE(local->inputPerMillion, 0.0);
    QCOMPARE(local->outputPerMillion, 0.1);
    QCOMPARE(table.cost(u"my-local-model"_s, 1000000, 2000000), 0.2);
    QCOMPARE(table.find(u"claude-haiku-4-5"_s)->inputPerMillion, 1.0); // defaults stay
}

void TestPriceTable::loadOverridesEmptyObject()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    PriceTable table = PriceTable::defaults();
    QVERIFY(table.loadOverrides(writeFile(dir, u"empty.json"_s, "{}"_ba)).ok());
    QCOMPARE(table.entries().size(), PriceTable::defaults().entries().size());
}

void TestPriceTable::loadOverridesErrors_data()
{
    QTest::addColumn<QByteArray>("content");

    QTest::newRow("empty file") << QByteArray();
    QTest::newRow("malformed JSON") << R"({"gpt-4o": {"input": 2.5, )"_ba;
    QTest::newRow("JSON array") << R"([{"model":"gpt-4o","input":2.5,"output":10}])"_ba;
    QTest::newRow("missing output") << R"({"gpt-4o": {"input": 2.5}})"_ba;
    QTest::newRow("missing input") << R"({"gpt-4o": {"output": 10}})"_ba;
    QTest::newRow("missing both") << R"({"gpt-4o": {}})"_ba;
    QTest::newRow("prices as strings") << R"({"gpt-4o": {"input": "2.5", "output": "10"}})"_ba;
    QTest::newRow("negative price") << R"({"gpt-4o": {"input": -1, "output": 10}})"_ba;
    QTest::newRow("entry is a number") << R"({"gpt-4o": 2.5})"_ba;
    QTest::newRow("null prices") << R"({"gpt-4o": {"input": null, "output": null}})"_ba;
}

void TestPriceTable::loadOverridesErrors()
{
    QFETCH(QByteArray, content);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, u"my prices.json"_s, content);
    PriceTable table = PriceTable::defaults();
    const auto loaded = table.loadOverrides(path);
    QVERIFY(!loaded.ok());
    QVERIFY2(loaded.error().contains(path), qPrintable(loaded.error())); // names the file
    QCOMPARE(table.find(u"gpt-4o"_s)->inputPerMillion, 2.5);
}

void TestPriceTable::loadOverridesMissingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"no-such-prices.json"_s);
    PriceTable table = PriceTable::defaults();
    const auto loaded = table.loadOverrides(path);
    QVERIFY(!loaded.ok());
    QVERIFY(loaded.error().contains(path));
    QCOMPARE(table.entries().size(), PriceTable::defaults().entries().size());
}

QTEST_GUILESS_MAIN(TestPriceTable)
#include "tst_pricetable.moc"
