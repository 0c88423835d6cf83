#include "core/common/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {

// Qt's own catalogue without the texts of its network and JSON errors: those end up in an item's
// error (RetryPolicy, ApiResponse), which run files and exports keep in English so that they read
// the same in every language.
class QtCatalogue final : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText,
                      const char *disambiguation = nullptr, int n = -1) const override
    {
        static constexpr QLatin1StringView StoredErrorContexts[] = {
            "QAbstractSocket"_L1, "QNativeSocketEngine"_L1, "QNetwork"_L1, "QHttp"_L1,
            "QSsl"_L1, "QHostInfo"_L1, "QDnsLookup"_L1, "QSocks5"_L1, "QTcp"_L1, "QUdp"_L1,
            "QLocal"_L1, "QDtls"_L1, "QSctp"_L1, "QJsonParseError"_L1};
        const QLatin1StringView name(context ? context : "");
        for (const QLatin1StringView prefix : StoredErrorContexts) {
            if (name.startsWith(prefix))
                return {};
        }
        return QTranslator::translate(context, sourceText, disambiguation, n);
    }
};

// The application owns a translator that loaded, so it lasts as long as the texts it translates.
bool installFrom(std::unique_ptr<QTranslator> translator, const QLocale &locale,
                 const QString &name, const QString &directory)
{
    if (!translator->load(locale, name, u"_"_s, directory))
        return false;
    translator->setParent(QCoreApplication::instance());
    QCoreApplication::installTranslator(translator.release());
    return true;
}

} // namespace

bool Translations::install(const QLocale &locale, bool withQt)
{
    if (!installFrom(std::make_unique<QTranslator>(), locale, u"salvo"_s, u":/i18n"_s))
        return false;
    // Dialog buttons, QCommandLineParser's --help and the like; only next to our own catalogue,
    // or Qt's German and Salvo's English would mix two languages in one window.
    if (withQt) {
        installFrom(std::make_unique<QtCatalogue>(), locale, u"qtbase"_s,
                    QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    }
    return true;
}

} // namespace Salvo
