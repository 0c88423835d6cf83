#include "gui/shell/recentfilesmenu.h"

#include "gui/preferences.h"

#include <QDir>
#include <QFileInfo>

namespace Salvo {

RecentFilesMenu::RecentFilesMenu(const QString &title, QWidget *parent) : QMenu(title, parent)
{
    refresh();
}

void RecentFilesMenu::refresh()
{
    clear();
    const QStringList files = Preferences::recentFiles();
    for (const QString &file : files) {
        QAction *action = addAction(QDir::toNativeSeparators(file));
        connect(action, &QAction::triggered, this, [this, file] {
            if (!QFileInfo(file).isFile()) {
                Preferences::removeRecentFile(file);
                refresh();
                emit fileMissing(file);
                return;
            }
            emit fileChosen(file);
        });
    }
    if (!files.isEmpty()) {
        addSeparator();
        addAction(tr("&Clear List"), this, [this] {
            Preferences::clearRecentFiles();
            refresh();
        });
    }
    setEnabled(!files.isEmpty());
}

} // namespace Salvo
