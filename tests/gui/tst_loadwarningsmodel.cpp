// LoadWarningsModel: one row per warning kept, a last row for those the loader left out, and the
// item each warning's row points to, as the Data tab jumps to it; row numbers in the locale.
#include "gui/shell/loadwarningsmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Salvo;

class TestLoadWarningsModel final : public QObject
{
    Q_OBJECT

private slots:
    void showsWarningsAndTail();
    void pointsAtItems_data();
    void pointsAtItems();
    void clearsOnNewLoad();
    void writesRowsInTheLocale();

private:
    static LoadWarning warning(qint64 row, const QString &message)
    {
        LoadWarning result;
        result.row = row;
        result.message = message;
        return result;
    }
};

void TestLoadWarningsModel::showsWarningsAndTail()
{
    LoadWarningsModel model;
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);

    model.setWarnings({warning(4, u"2 cells, 3 expected."_s), warning(0, u"Mixed line ends."_s)},
                      7, 2);
    QCOMPARE(model.rowCount(), 3);
    const QString first = model.index(0).data().toString();
    QVERIFY(first.contains(u"4"_s));
    QVERIFY(first.contains(u"2 cells, 3 expected."_s));
    QCOMPARE(model.index(1).data().toString(), u"Mixed line ends."_s); // no row to name
    QVERIFY(model.index(2).data().toString().contains(u"5"_s));       // 7 found, 2 kept
    QCOMPARE(model.index(0).data(LoadWarningsModel::FileRowRole).toLongLong(), qint64(4));
    QCOMPARE(model.index(2).data(LoadWarningsModel::FileRowRole).toLongLong(), qint64(0));
    QCOMPARE(model.index(2).data(LoadWarningsModel::ItemRole).toLongLong(), qint64(-1));

    // Every warning kept: no tail row.
    model.setWarnings({warning(4, u"2 cells, 3 expected."_s)}, 1, 2);
    QCOMPARE(model.rowCount(), 1);
}

void TestLoadWarningsModel::pointsAtItems_data()
{
    QTest::addColumn<qint64>("fileRow");
    QTest::addColumn<qint64>("firstDataRow");
    QTest::addColumn<qint64>("item");
    QTest::newRow("below a header") << qint64(4) << qint64(2) << qint64(2);
    QTest::newRow("no header") << qint64(4) << qint64(1) << qint64(3);
    QTest::newRow("header on row 3") << qint64(10) << qint64(4) << qint64(6);
    QTest::newRow("the header itself") << qint64(1) << qint64(2) << qint64(0);
    QTest::newRow("the whole file") << qint64(0) << qint64(2) << qint64(-1);
}

void TestLoadWarningsModel::pointsAtItems()
{
    QFETCH(qint64, fileRow);
    QFETCH(qint64, firstDataRow);
    QFETCH(qint64, item);
    LoadWarningsModel model;
    model.setWarnings({warning(fileRow, u"odd"_s)}, 1, firstDataRow);
    QCOMPARE(model.index(0).data(LoadWarningsModel::ItemRole).toLongLong(), item);
}

void TestLoadWarningsModel::clearsOnNewLoad()
{
    LoadWarningsModel model;
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setWarnings({warning(3, u"odd"_s)}, 120, 2);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.clear();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.index(0).isValid());
}

void TestLoadWarningsModel::writesRowsInTheLocale()
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    LoadWarningsModel model;
    model.setWarnings({warning(12345, u"odd"_s)}, 20000, 2);
    const QString first = model.index(0).data().toString();
    const QString tail = model.index(1).data().toString();
    QLocale::setDefault(before);
    QVERIFY2(first.contains(u"12.345"_s), qPrintable(first));
    QVERIFY2(tail.contains(u"19.999"_s), qPrintable(tail));
}

QTEST_MAIN(TestLoadWarningsModel)
#include "tst_loadwarningsmodel.moc"
