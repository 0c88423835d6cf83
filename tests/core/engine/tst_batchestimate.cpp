// BatchEstimate over real run files: what is left to send, its tokens and worst-case cost, and
// the rows whose prompt comes out empty.
#include "core/engine/batchestimate.h"
#include "core/providers/apirequest.h"
#include "core/store/runstore.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Salvo;

class TestBatchEstimate final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void countsWhatIsLeftToSend();
    void pricesInputAndWorstCaseOutput();
    void unpricedModelHasNoCost();
    void flagsEmptyPrompts();
    void badTemplateIsAnError();

private:
    std::unique_ptr<RunStore> makeRun(const QString &name, const QList<QStringList> &rows);
    QTemporaryDir m_dir;
};

void TestBatchEstimate::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

std::unique_ptr<RunStore> TestBatchEstimate::makeRun(const QString &name,
                                                     const QList<QStringList> &rows)
{
    auto created = RunStore::create(m_dir.filePath(name), RunConfig().toJson(),
                                    {u"subject"_s, u"body"_s});
    if (!created || !created.value()->appendItems(rows))
        return {};
    return created.takeValue();
}

void TestBatchEstimate::countsWhatIsLeftToSend()
{
    auto run = makeRun(u"left.salvo"_s, {{u"a"_s, u"one"_s}, {u"b"_s, u"two two"_s},
                                         {u"c"_s, u"three three three"_s}});
    QVERIFY(run);
    ItemResult done;
    done.idx = 1;
    done.state = ItemState::Ok;
    done.output = u"x"_s;
    run->saveResult(done);
    QVERIFY(run->flush());

    RunConfig config;
    config.promptTemplate = u"{{subject}}: {{body}}"_s;
    config.systemTemplate = u"Row {{_row}}"_s;
    config.maxTokens = 100;
    auto estimate = BatchEstimate::compute(*run, config, PriceTable::defaults());
    QVERIFY(estimate);
    QCOMPARE(estimate.value().items, 2); // the answered item is not sent again
    const qint64 expected = 8 + ApiRequest::estimateTokens(u"a: one"_s)
        + ApiRequest::estimateTokens(u"Row 1"_s) + 8
        + ApiRequest::estimateTokens(u"c: three three three"_s)
        + ApiRequest::estimateTokens(u"Row 3"_s);
    QCOMPARE(estimate.value().inputTokens, expected);
    QCOMPARE(estimate.value().maxOutputTokens, 200);
    QCOMPARE(estimate.value().emptyPrompts, 0);
    QVERIFY(estimate.value().describeEmptyPrompts().isEmpty());
}

void TestBatchEstimate::pricesInputAndWorstCaseOutput()
{
    QList<QStringList> rows;
    for (int i = 0; i < 1000; ++i)
        rows.append({u"s"_s, QString(400, u'x')}); // 400 bytes: about 100 tokens each
    auto run = makeRun(u"priced.salvo"_s, rows);
    QVERIFY(run);
    PriceTable prices;
    prices.set({u"test-model"_s, 2.0, 10.0});
    RunConfig config;
    config.provider = ProviderKind::Anthropic;
    config.model = u"test-model"_s;
    config.promptTemplate = u"{{body}}"_s;
    config.maxTokens = 50;
    auto estimate = BatchEstimate::compute(*run, config, prices);
    QVERIFY(estimate);
    const qint64 input = 1000 * (8 + ApiRequest::estimateTokens(QString(400, u'x')));
    QCOMPARE(estimate.value().inputTokens, input);
    QVERIFY(estimate.value().priced);
    QCOMPARE(estimate.value().inputCostUsd, input * 2.0 / 1e6);
    QCOMPARE(estimate.value().maxCostUsd, input * 2.0 / 1e6 + 50000 * 10.0 / 1e6);
    QVERIFY(estimate.value().describe(config).contains(u"test-model"_s));
}

void TestBatchEstimate::unpricedModelHasNoCost()
{
    auto run = makeRun(u"unpriced.salvo"_s, {{u"a"_s, u"b"_s}});
    QVERIFY(run);
    RunConfig config;
    config.provider = ProviderKind::OpenAiCompatible;
    config.model = u"llama-3-local"_s;
    config.promptTemplate = u"{{body}}"_s;
    auto estimate = BatchEstimate::compute(*run, config, PriceTable::defaults());
    QVERIFY(estimate);
    QVERIFY(!estimate.value().priced);
    QCOMPARE(estimate.value().maxCostUsd, 0.0);
    QVERIFY(estimate.value().describe(config).contains(u"llama-3-local"_s));
}

void TestBatchEstimate::flagsEmptyPrompts()
{
    QList<QStringList> rows;
    for (int i = 0; i < 30; ++i)
        rows.append({u"s"_s, i % 2 ? QString() : u"text"_s});
    rows[4][1] = u"  \n "_s; // white space only is empty too
    auto run = makeRun(u"empty.salvo"_s, rows);
    QVERIFY(run);
    RunConfig config;
    config.promptTemplate = u"{{body}}"_s;
    auto estimate = BatchEstimate::compute(*run, config, PriceTable::defaults());
    QVERIFY(estimate);
    QCOMPARE(estimate.value().emptyPrompts, 16);
    QCOMPARE(estimate.value().emptyPromptRows,
             (QList<qint64>{2, 4, 5, 6, 8, 10, 12, 14, 16, 18}));
    const QString message = estimate.value().describeEmptyPrompts();
    QVERIFY2(message.contains(u"16"_s) && message.contains(u"2, 4, 5"_s)
                 && message.endsWith(u"…."_s),
             qPrintable(message));

    // A template with text of its own never renders empty.
    config.promptTemplate = u"Classify: {{body}}"_s;
    auto framed = BatchEstimate::compute(*run, config, PriceTable::defaults());
    QVERIFY(framed);
    QCOMPARE(framed.value().emptyPrompts, 0);
}

void TestBatchEstimate::badTemplateIsAnError()
{
    auto run = makeRun(u"bad.salvo"_s, {{u"a"_s, u"b"_s}});
    QVERIFY(run);
    RunConfig config;
    config.promptTemplate = u"{{bdy}}"_s;
    auto estimate = BatchEstimate::compute(*run, config, PriceTable::defaults());
    QVERIFY(!estimate);
    QVERIFY(estimate.error().contains(u"body"_s)); // the valid names are listed
}

QTEST_GUILESS_MAIN(TestBatchEstimate)
#include "tst_batchestimate.moc"
