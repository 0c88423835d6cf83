// Unit tests of BodyTemplate: for every provider, with and without a system text and a
// temperature, and for texts full of what JSON must escape, it renders byte for byte the body
// ApiRequest::body() builds.
#include "core/providers/apirequest.h"
#include "core/providers/bodytemplate.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Salvo;

class TestBodyTemplate final : public QObject
{
    Q_OBJECT

private slots:
    void matchesTheFullBody_data();
    void matchesTheFullBody();
};

void TestBodyTemplate::matchesTheFullBody_data()
{
    QTest::addColumn<int>("provider");
    QTest::addColumn<bool>("withTemperature");
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("prompt");

    const QList<std::pair<const char *, ProviderKind>> providers = {
        {"anthropic", ProviderKind::Anthropic},
        {"openai", ProviderKind::OpenAi},
        {"compatible", ProviderKind::OpenAiCompatible},
        {"sim", ProviderKind::Simulator},
    };
    const QList<std::pair<const char *, QString>> texts = {
        {"plain", u"Classify this ticket."_s},
        {"escapes", u"Say \"hi\" \\ then\na tab\tand a \x01 control and </script>"_s},
        {"unicode", u"Résumé of 日本語 text 🙂 with \u2028 a line separator"_s},
        {"empty", QString()},
        {"marker-like", u"\x01prompt\x01 and \x01system\x01"_s},
    };
    for (const auto &[providerName, provider] : providers) {
        for (const auto &[textName, text] : texts) {
            for (const bool temperature : {false, true}) {
                QTest::addRow("%s/%s/no system/t%d", providerName, textName, int(temperature))
                    << int(provider) << temperature << QString() << text;
                QTest::addRow("%s/%s/system/t%d", providerName, textName, int(temperature))
                    << int(provider) << temperature << u"Be brief: \"one word\"."_s << text;
                QTest::addRow("%s/%s/as system/t%d", providerName, textName, int(temperature))
                    << int(provider) << temperature << text << u"Answer."_s;
            }
        }
    }
}

void TestBodyTemplate::matchesTheFullBody()
{
    QFETCH(int, provider);
    QFETCH(bool, withTemperature);
    QFETCH(QString, system);
    QFETCH(QString, prompt);

    RunConfig config;
    config.provider = ProviderKind(provider);
    config.model = u"some-model"_s;
    config.maxTokens = 321;
    if (withTemperature)
        config.temperature = 0.25;

    const BodyTemplate bodies(config);
    QCOMPARE(bodies.render(system, prompt), ApiRequest::body(config, system, prompt));
}

QTEST_GUILESS_MAIN(TestBodyTemplate)
#include "tst_bodytemplate.moc"
