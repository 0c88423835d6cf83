#include "core/io/textdecoder.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Salvo;

namespace {

using Encoding = TextDecoder::Encoding;

QByteArray encode(const QString &text, Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return text.toUtf8();
    case Encoding::Utf16LE:
        return QStringEncoder(QStringConverter::Utf16LE)(text);
    case Encoding::Utf16BE:
        return QStringEncoder(QStringConverter::Utf16BE)(text);
    case Encoding::Windows1252:
        break;
    }
    return text.toLatin1(); // the tests keep to characters Latin-1 and Windows-1252 share
}

// Feeds `bytes` in pieces of `piece` bytes, as a file read in small chunks would arrive.
QString decodeInPieces(TextDecoder &decoder, const QByteArray &bytes, qsizetype piece)
{
    QString text;
    for (qsizetype at = 0; at < bytes.size(); at += piece) {
        const qsizetype length = std::min(piece, bytes.size() - at);
        text += decoder.decode(QByteArrayView(bytes).sliced(at, length));
    }
    text += decoder.finish();
    return text;
}

} // namespace

class TestTextDecoder : public QObject
{
    Q_OBJECT

private slots:
    void detectsEncoding_data();
    void detectsEncoding();
    void detectsOnlyFromThePrefix();
    void decodesSplitSequences_data();
    void decodesSplitSequences();
    void dropsByteOrderMarkOnlyAtStart_data();
    void dropsByteOrderMarkOnlyAtStart();
    void replacesIncompleteEnd_data();
    void replacesIncompleteEnd();
    void flagsInvalidBytes();
    void mapsWindows1252();
    void readsEncodingNames_data();
    void readsEncodingNames();
    void choosesForFile();
};

void TestTextDecoder::detectsEncoding_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("wholeFile");
    QTest::addColumn<Encoding>("encoding");
    QTest::addColumn<bool>("notUtf8");

    QTest::newRow("empty") << QByteArray() << true << Encoding::Utf8 << false;
    QTest::newRow("ascii") << QByteArray("a,b\n1,2\n") << true << Encoding::Utf8 << false;
    QTest::newRow("utf-8 without mark") << QByteArray("K\xC3\xB6ln \xE2\x82\xAC \xF0\x9F\x98\x80")
                                        << true << Encoding::Utf8 << false;
    QTest::newRow("utf-8 mark") << QByteArray("\xEF\xBB\xBFx") << true << Encoding::Utf8 << false;
    QTest::newRow("utf-16le mark") << QByteArray("\xFF\xFEx\0", 4) << true << Encoding::Utf16LE
                                   << false;
    QTest::newRow("utf-16be mark") << QByteArray("\xFE\xFF\0x", 4) << true << Encoding::Utf16BE
                                   << false;
    QTest::newRow("utf-8 mark wins over bad bytes") << QByteArray("\xEF\xBB\xBF\xE4") << true
                                                    << Encoding::Utf8 << false;
    QTest::newRow("windows-1252 letters") << QByteArray("M\xFCller;K\xF6ln") << true
                                          << Encoding::Windows1252 << true;
    QTest::newRow("windows-1252 euro") << QByteArray("1,50 \x80") << true
                                       << Encoding::Windows1252 << true;
    QTest::newRow("overlong form") << QByteArray("\xC0\xAF") << true << Encoding::Windows1252
                                   << true;
    QTest::newRow("encoded surrogate") << QByteArray("\xED\xA0\x80") << true
                                       << Encoding::Windows1252 << true;
    QTest::newRow("cut at the end of a prefix") << QByteArray("abc\xE2\x82") << false
                                                << Encoding::Utf8 << false;
    QTest::newRow("cut at the end of the file") << QByteArray("abc\xE2\x82") << true
                                                << Encoding::Windows1252 << true;
}

void TestTextDecoder::detectsEncoding()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, wholeFile);
    QFETCH(Encoding, encoding);
    QFETCH(bool, notUtf8);

    const TextDecoder::Detection detection = TextDecoder::detect(head, wholeFile);
    QCOMPARE(detection.encoding, encoding);
    QCOMPARE(detection.notUtf8, notUtf8);
}

void TestTextDecoder::detectsOnlyFromThePrefix()
{
    QByteArray bytes(TextDecoder::DetectionBytes, 'a');
    bytes += "\xFF";
    QCOMPARE(TextDecoder::detect(bytes, true).encoding, Encoding::Utf8);
    bytes[TextDecoder::DetectionBytes - 1] = '\xFF';
    QCOMPARE(TextDecoder::detect(bytes, true).encoding, Encoding::Windows1252);
}

void TestTextDecoder::decodesSplitSequences_data()
{
    QTest::addColumn<Encoding>("encoding");
    QTest::addColumn<QString>("text");

    // Two-, three- and four-byte UTF-8, surrogate pairs in UTF-16, all at every offset.
    const QString wide = u"a\u00E4\u20AC\U0001F600b\r\n\u00DF\U0001F4A9\u4E2D"_s;
    QTest::newRow("utf-8") << Encoding::Utf8 << wide;
    QTest::newRow("utf-16le") << Encoding::Utf16LE << wide;
    QTest::newRow("utf-16be") << Encoding::Utf16BE << wide;
    QTest::newRow("windows-1252") << Encoding::Windows1252 << u"M\u00FCller \u00E4\u00DF"_s;
}

void TestTextDecoder::decodesSplitSequences()
{
    QFETCH(Encoding, encoding);
    QFETCH(QString, text);

    const QByteArray bytes = encode(text, encoding);
    for (qsizetype piece = 1; piece <= 9; ++piece) {
        TextDecoder decoder(encoding);
        QCOMPARE(decodeInPieces(decoder, bytes, piece), text);
        QVERIFY2(!decoder.hasError(), qPrintable(u"piece %1"_s.arg(piece)));
    }
}

void TestTextDecoder::dropsByteOrderMarkOnlyAtStart_data()
{
    QTest::addColumn<Encoding>("encoding");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");

    QTest::newRow("utf-8") << Encoding::Utf8 << QByteArray("\xEF\xBB\xBFx\xEF\xBB\xBFy")
                           << u"x\uFEFFy"_s;
    QTest::newRow("utf-16le") << Encoding::Utf16LE << QByteArray("\xFF\xFEx\0\xFF\xFEy\0", 8)
                              << u"x\uFEFFy"_s;
    QTest::newRow("utf-16be") << Encoding::Utf16BE << QByteArray("\xFE\xFF\0x\xFE\xFF\0y", 8)
                              << u"x\uFEFFy"_s;
    QTest::newRow("utf-8 without mark") << Encoding::Utf8 << QByteArray("xy") << u"xy"_s;
}

void TestTextDecoder::dropsByteOrderMarkOnlyAtStart()
{
    QFETCH(Encoding, encoding);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);

    for (qsizetype piece = 1; piece <= bytes.size(); ++piece) {
        TextDecoder decoder(encoding);
        QCOMPARE(decodeInPieces(decoder, bytes, piece), text);
        QVERIFY(!decoder.hasError());
    }
}

void TestTextDecoder::replacesIncompleteEnd_data()
{
    QTest::addColumn<Encoding>("encoding");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");

    QTest::newRow("utf-8 cut") << Encoding::Utf8 << QByteArray("ab\xE2\x82") << u"ab\uFFFD"_s;
    QTest::newRow("utf-8 mark cut") << Encoding::Utf8 << QByteArray("\xEF\xBB") << u"\uFFFD"_s;
    QTest::newRow("utf-16le odd byte") << Encoding::Utf16LE << QByteArray("a\0b", 3)
                                       << u"a\uFFFD"_s;
    QTest::newRow("utf-16be lone high surrogate") << Encoding::Utf16BE
                                                  << QByteArray("\0a\xD8\x3D", 4)
                                                  << u"a\uFFFD"_s;
}

void TestTextDecoder::replacesIncompleteEnd()
{
    QFETCH(Encoding, encoding);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);

    TextDecoder decoder(encoding);
    QCOMPARE(decodeInPieces(decoder, bytes, bytes.size()), text);
    QVERIFY(decoder.hasError());
}

void TestTextDecoder::flagsInvalidBytes()
{
    TextDecoder decoder(Encoding::Utf8);
    QCOMPARE(decoder.decode("ok"), u"ok"_s);
    QVERIFY(!decoder.hasError());
    QCOMPARE(decoder.decode("a\xFF" "b"), u"a\uFFFDb"_s);
    QVERIFY(decoder.hasError());
    QCOMPARE(decoder.decode("fine again"), u"fine again"_s);
    QVERIFY(decoder.hasError()); // stays set: the report says so once, at the end
}

void TestTextDecoder::mapsWindows1252()
{
    TextDecoder decoder(Encoding::Windows1252);
    QByteArray all;
    for (int byte = 0x20; byte <= 0xFF; ++byte)
        all += char(byte);
    const QString text = decoder.decode(all);
    QCOMPARE(text.size(), all.size());
    auto at = [&](int byte) { return text.at(byte - 0x20).unicode(); };
    QCOMPARE(at('A'), u'A');
    QCOMPARE(at(0x80), u'\u20AC');
    QCOMPARE(at(0x81), u'\u0081'); // undefined in Windows-1252: the C1 control, as browsers do
    QCOMPARE(at(0x84), u'\u201E');
    QCOMPARE(at(0x8A), u'\u0160');
    QCOMPARE(at(0x93), u'\u201C');
    QCOMPARE(at(0x96), u'\u2013');
    QCOMPARE(at(0x9F), u'\u0178');
    QCOMPARE(at(0xA0), u'\u00A0');
    QCOMPARE(at(0xE4), u'\u00E4');
    QCOMPARE(at(0xFF), u'\u00FF');
    QVERIFY(!decoder.hasError());
}

void TestTextDecoder::readsEncodingNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("encoding"); // -1: unknown

    QTest::newRow("UTF-8") << u"UTF-8"_s << int(Encoding::Utf8);
    QTest::newRow("utf8") << u"utf8"_s << int(Encoding::Utf8);
    QTest::newRow("UTF-16LE") << u"UTF-16LE"_s << int(Encoding::Utf16LE);
    QTest::newRow("utf_16_be") << u"utf_16_be"_s << int(Encoding::Utf16BE);
    QTest::newRow("Windows-1252") << u"Windows-1252"_s << int(Encoding::Windows1252);
    QTest::newRow("cp1252") << u"cp1252"_s << int(Encoding::Windows1252);
    QTest::newRow("latin1") << u"ISO-8859-1"_s << int(Encoding::Windows1252);
    QTest::newRow("UTF-16 without order") << u"UTF-16"_s << -1;
    QTest::newRow("EBCDIC") << u"EBCDIC"_s << -1;
}

void TestTextDecoder::readsEncodingNames()
{
    QFETCH(QString, name);
    QFETCH(int, encoding);

    const auto parsed = TextDecoder::encodingFromName(name);
    QCOMPARE(parsed ? int(*parsed) : -1, encoding);
    if (parsed)
        QCOMPARE(TextDecoder::encodingFromName(TextDecoder::encodingName(*parsed)), parsed);
}

void TestTextDecoder::choosesForFile()
{
    auto detected = TextDecoder::forFile("M\xFCller", true, QString());
    QVERIFY(detected);
    QCOMPARE(detected.value().encoding(), Encoding::Windows1252);
    QVERIFY(detected.value().isFallback());

    auto chosen = TextDecoder::forFile("M\xFCller", true, u"UTF-8"_s);
    QVERIFY(chosen);
    QCOMPARE(chosen.value().encoding(), Encoding::Utf8);
    QVERIFY(!chosen.value().isFallback());

    auto unknown = TextDecoder::forFile("x", true, u"KOI8-R"_s);
    QVERIFY(!unknown);
    QVERIFY(unknown.error().contains(u"KOI8-R"_s));
}

QTEST_GUILESS_MAIN(TestTextDecoder)
#include "tst_textdecoder.moc"
