// Unit tests of PromptTemplate: placeholders for any column name, the row number, escapes, and
// the errors a person sees for unknown or unclosed placeholders (with near-miss suggestions).
#include "core/engine/prompttemplate.h"

#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Salvo;

class TestPromptTemplate final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void render_data();
    void render();
    void rowNumber_data();
    void rowNumber();
    void unknownColumn_data();
    void unknownColumn();
    void unclosedPlaceholder_data();
    void unclosedPlaceholder();
    void usedColumns_data();
    void usedColumns();
    void emptyTemplate();
    void verbatimColumn_data();
    void verbatimColumn();
    void runPromptDefaultsToTheFirstColumn();
};

void TestPromptTemplate::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPromptTemplate::render_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<QStringList>("cells");
    QTest::addColumn<QString>("expected");

    const QStringList ticket = {u"id"_s, u"Ticket body"_s, u"Beschreibung"_s, u"Größe"_s,
                                u"説明"_s};
    const QStringList row = {u"17"_s, u"Printer on fire"_s, u"Drucker brennt"_s, u"XL"_s,
                             u"プリンター"_s};

    QTest::newRow("plain text") << u"Say hi."_s << ticket << row << u"Say hi."_s;
    QTest::newRow("one column") << u"Ticket {{id}}."_s << ticket << row << u"Ticket 17."_s;
    QTest::newRow("name with a space")
        << u"Classify: {{Ticket body}}"_s << ticket << row << u"Classify: Printer on fire"_s;
    QTest::newRow("German name") << u"{{Beschreibung}}"_s << ticket << row
                                 << u"Drucker brennt"_s;
    QTest::newRow("umlaut and sharp s") << u"Size {{Größe}}"_s << ticket << row << u"Size XL"_s;
    QTest::newRow("Japanese name")
        << u"{{説明}}を要約"_s << ticket << row << u"プリンターを要約"_s;
    QTest::newRow("whitespace inside braces")
        << u"{{ id }}/{{  Ticket body\t}}/{{\nGröße\n}}"_s << ticket << row
        << u"17/Printer on fire/XL"_s;
    QTest::newRow("same column twice") << u"{{id}}-{{id}}"_s << ticket << row << u"17-17"_s;
    QTest::newRow("adjacent placeholders") << u"{{id}}{{Größe}}"_s << ticket << row << u"17XL"_s;
    QTest::newRow("escaped braces")
        << u"\\{{id}} is {{id}}"_s << ticket << row << u"{{id}} is 17"_s;
    QTest::newRow("escaped unknown name") << u"Use \\{{whatever}} literally"_s << ticket << row
                                          << u"Use {{whatever}} literally"_s;
    QTest::newRow("escaped, never closed") << u"\\{{ open"_s << ticket << row << u"{{ open"_s;
    QTest::newRow("single braces are text") << u"{id} {x {{id}} }"_s << ticket << row
                                            << u"{id} {x 17 }"_s;
    QTest::newRow("closing braces alone are text") << u"}} {{id}} }}"_s << ticket << row
                                                   << u"}} 17 }}"_s;
    QTest::newRow("lone backslash") << u"a\\b \\{ {{id}}"_s << ticket << row
                                    << u"a\\b \\{ 17"_s;
    QTest::newRow("cell text is not expanded again")
        << u"{{Ticket body}}"_s << ticket
        << QStringList{u"1"_s, u"{{id}} \\{{x}}"_s, {}, {}, {}} << u"{{id}} \\{{x}}"_s;
    QTest::newRow("empty cell renders empty")
        << u"[{{Ticket body}}]"_s << ticket << QStringList{u"1"_s, QString(), {}, {}, {}}
        << u"[]"_s;
    QTest::newRow("missing cells render empty")
        << u"[{{id}}|{{Größe}}|{{説明}}]"_s << ticket << QStringList{u"5"_s} << u"[5||]"_s;
    QTest::newRow("no cells at all") << u"<{{id}}>"_s << ticket << QStringList() << u"<>"_s;
    QTest::newRow("multi-line template")
        << u"Ticket {{id}}\n---\n{{Ticket body}}\n"_s << ticket << row
        << u"Ticket 17\n---\nPrinter on fire\n"_s;
}

void TestPromptTemplate::render()
{
    QFETCH(QString, text);
    QFETCH(QStringList, columns);
    QFETCH(QStringList, cells);
    QFETCH(QString, expected);

    const auto parsed = PromptTemplate::parse(text, columns);
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
    QCOMPARE(parsed.value().render(cells, 0), expected);
}

void TestPromptTemplate::rowNumber_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("idx");
    QTest::addColumn<QString>("expected");

    QTest::newRow("first row is 1") << u"#{{_row}}"_s << qint64(0) << u"#1"_s;
    QTest::newRow("idx 41") << u"#{{_row}}: {{a}}"_s << qint64(41) << u"#42: A"_s;
    QTest::newRow("with spaces") << u"{{ _row }}"_s << qint64(9) << u"10"_s;
    QTest::newRow("large") << u"{{_row}}"_s << qint64(9999999999) << u"10000000000"_s;
    QTest::newRow("escaped") << u"\\{{_row}}"_s << qint64(3) << u"{{_row}}"_s;
}

void TestPromptTemplate::rowNumber()
{
    QFETCH(QString, text);
    QFETCH(qint64, idx);
    QFETCH(QString, expected);

    const auto parsed = PromptTemplate::parse(text, {u"a"_s});
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value().render({u"A"_s}, idx), expected);
}

void TestPromptTemplate::unknownColumn_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<QString>("placeholder");
    QTest::addColumn<int>("position");
    QTest::addColumn<QStringList>("suggestions");

    const QStringList ticket = {u"id"_s, u"Ticket body"_s, u"Beschreibung"_s, u"Größe"_s};

    QTest::newRow("case differs") << u"{{ticket body}}"_s << ticket << u"ticket body"_s << 0
                                  << QStringList{u"Ticket body"_s};
    QTest::newRow("all capitals") << u"x {{ID}}"_s << ticket << u"ID"_s << 2
                                  << QStringList{u"id"_s};
    QTest::newRow("one letter missing") << u"Text: {{Beschreibug}}"_s << ticket
                                        << u"Beschreibug"_s << 6
                                        << QStringList{u"Beschreibung"_s};
    QTest::newRow("one letter wrong") << u"{{Ticket bady}}"_s << ticket << u"Ticket bady"_s << 0
                                      << QStringList{u"Ticket body"_s};
    QTest::newRow("non-ASCII letter wrong") << u"{{Gröse}}"_s << ticket << u"Gröse"_s << 0
                                            << QStringList{u"Größe"_s};
    QTest::newRow("short name, one letter off") << u"{{i}}"_s << ticket << u"i"_s << 0
                                                << QStringList{u"id"_s};
    QTest::newRow("far name") << u"{{customer}}"_s << ticket << u"customer"_s << 0
                              << QStringList();
    QTest::newRow("short name, two letters off") << u"{{xy}}"_s << ticket << u"xy"_s << 0
                                                 << QStringList();
    QTest::newRow("several near misses")
        << u"{{name}}"_s << QStringList{u"Name"_s, u"id"_s, u"names"_s} << u"name"_s << 0
        << QStringList{u"Name"_s, u"names"_s};
    QTest::newRow("no columns") << u"{{a}}"_s << QStringList() << u"a"_s << 0 << QStringList();
    QTest::newRow("second placeholder") << u"{{id}} and {{body}}"_s << ticket << u"body"_s << 11
                                        << QStringList();
    QTest::newRow("trimmed name is reported") << u"ab {{  Titel  }}"_s << ticket << u"Titel"_s
                                              << 3 << QStringList();
    QTest::newRow("position counts the escape")
        << u"\\{{x}} {{y}}"_s << ticket << u"y"_s << 7 << QStringList();
    QTest::newRow("position after non-ASCII text")
        << u"Größe: {{Gröse}}"_s << ticket << u"Gröse"_s << 7 << QStringList{u"Größe"_s};
    QTest::newRow("_row is lower case") << u"{{_Row}}"_s << ticket << u"_Row"_s << 0
                                        << QStringList();
    QTest::newRow("empty placeholder") << u"{{}}"_s << QStringList{u"Ticket body"_s} << QString()
                                       << 0 << QStringList();
}

void TestPromptTemplate::unknownColumn()
{
    QFETCH(QString, text);
    QFETCH(QStringList, columns);
    QFETCH(QString, placeholder);
    QFETCH(int, position);
    QFETCH(QStringList, suggestions);

    const auto parsed = PromptTemplate::parse(text, columns);
    QVERIFY(!parsed.ok());
    const TemplateError &error = parsed.error();
    QCOMPARE(error.placeholder, placeholder);
    QCOMPARE(error.position, position);
    QCOMPARE(error.suggestions, suggestions);
    QVERIFY(!error.message.isEmpty());
    // The message names the valid columns so a person can fix the template.
    for (const QString &column : columns)
        QVERIFY(error.message.contains(column));
}

void TestPromptTemplate::unclosedPlaceholder_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("position");

    QTest::newRow("never closed") << u"Hello {{name"_s << 6;
    QTest::newRow("only the braces") << u"{{"_s << 0;
    QTest::newRow("one closing brace") << u"{{a}"_s << 0;
    QTest::newRow("after a good placeholder") << u"{{a}} {{a"_s << 6;
    QTest::newRow("after an escape") << u"\\{{a}} {{"_s << 7;
    QTest::newRow("closed by a single brace and text") << u"x {{a} }"_s << 2;
}

void TestPromptTemplate::unclosedPlaceholder()
{
    QFETCH(QString, text);
    QFETCH(int, position);

    const auto parsed = PromptTemplate::parse(text, {u"a"_s, u"name"_s});
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().position, position);
    QVERIFY(parsed.error().placeholder.isEmpty());
    QVERIFY(parsed.error().suggestions.isEmpty());
    QVERIFY(!parsed.error().message.isEmpty());
}

void TestPromptTemplate::usedColumns_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<int>>("used");

    QTest::newRow("none") << u"no placeholders"_s << QList<int>();
    QTest::newRow("row number only") << u"{{_row}}"_s << QList<int>();
    QTest::newRow("in order of first use, once each")
        << u"{{c}} {{a}} {{c}} {{_row}} {{a}}"_s << QList<int>{2, 0};
    QTest::newRow("escaped is not used") << u"\\{{b}} {{a}}"_s << QList<int>{0};
}

void TestPromptTemplate::usedColumns()
{
    QFETCH(QString, text);
    QFETCH(QList<int>, used);

    const auto parsed = PromptTemplate::parse(text, {u"a"_s, u"b"_s, u"c"_s});
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value().usedColumns(), used);
}

void TestPromptTemplate::emptyTemplate()
{
    const auto empty = PromptTemplate::parse(QString(), {u"a"_s});
    QVERIFY(empty.ok());
    QVERIFY(empty.value().isEmpty());
    QCOMPARE(empty.value().render({u"A"_s}, 0), QString());

    const auto text = PromptTemplate::parse(u"x"_s, {});
    QVERIFY(text.ok());
    QVERIFY(!text.value().isEmpty());

    QVERIFY(PromptTemplate().isEmpty());
}

void TestPromptTemplate::verbatimColumn_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QStringList>("cells");
    QTest::addColumn<QString>("expected");

    const QStringList cells = {u"first"_s, u"  {{not a placeholder}}\n\\{{ raw \"text\"\t "_s,
                               QString()};
    QTest::newRow("first column") << 0 << cells << u"first"_s;
    QTest::newRow("braces, escapes and whitespace kept")
        << 1 << cells << u"  {{not a placeholder}}\n\\{{ raw \"text\"\t "_s;
    QTest::newRow("empty cell") << 2 << cells << QString();
    QTest::newRow("missing cell") << 5 << cells << QString();
}

void TestPromptTemplate::verbatimColumn()
{
    QFETCH(int, index);
    QFETCH(QStringList, cells);
    QFETCH(QString, expected);

    const PromptTemplate verbatim = PromptTemplate::column(index);
    QVERIFY(!verbatim.isEmpty());
    QCOMPARE(verbatim.render(cells, 7), expected);
    QCOMPARE(verbatim.usedColumns(), QList<int>{index});
}

void TestPromptTemplate::runPromptDefaultsToTheFirstColumn()
{
    const QStringList columns = {u"ticket"_s, u"lang"_s};
    const QStringList cells = {u"Refund {{please}}"_s, u"en"_s};

    auto none = PromptTemplate::forRun(QString(), columns);
    QVERIFY(none.ok());
    QCOMPARE(none.value().render(cells, 0), cells.first()); // verbatim, braces and all

    auto written = PromptTemplate::forRun(u"[{{lang}}] {{ticket}}"_s, columns);
    QVERIFY(written.ok());
    QCOMPARE(written.value().render(cells, 0), u"[en] Refund {{please}}"_s);

    auto wrong = PromptTemplate::forRun(u"{{subject}}"_s, columns);
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().placeholder, u"subject"_s);
}

QTEST_GUILESS_MAIN(TestPromptTemplate)
#include "tst_prompttemplate.moc"
