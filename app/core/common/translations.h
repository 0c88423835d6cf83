// Translations: installs Salvo's catalogue (embedded at :/i18n) and Qt's own for one language on
// the application, once at start-up. Main thread, before the first text is shown or printed.
#pragma once

#include <QLocale>

namespace Salvo {

class Translations final
{
public:
    // Installs the catalogues matching locale.uiLanguages(); none for English (the source texts)
    // or a language without a catalogue. Returns whether Salvo's own catalogue was installed.
    // withQt also loads qtbase_<lang>.qm from Qt's translations folder, when it is installed,
    // but leaves Qt's network and JSON error texts in English: they are stored with the items.
    static bool install(const QLocale &locale, bool withQt = true);
};

} // namespace Salvo
