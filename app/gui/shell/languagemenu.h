// LanguageMenu: the Language menu (system default, English, Deutsch); the choice is saved in the
// preferences and takes effect at the next start. GUI thread.
#pragma once

#include <QLocale>
#include <QMenu>

namespace Salvo {

class LanguageMenu final : public QMenu
{
    Q_OBJECT

public:
    explicit LanguageMenu(QWidget *parent = nullptr);

    // The locale the language preference names, or the system's when it names none; main()
    // installs the translators for it before the first window.
    static QLocale preferredLocale();

private:
    void choose(const QString &language);
};

} // namespace Salvo
