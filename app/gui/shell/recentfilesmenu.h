// RecentFilesMenu: File → Open Recent: the data files and runs opened last, as Preferences keeps
// them, and Clear List. GUI thread.
#pragma once

#include <QMenu>

namespace Salvo {

class RecentFilesMenu final : public QMenu
{
    Q_OBJECT

public:
    explicit RecentFilesMenu(const QString &title, QWidget *parent = nullptr);

    // Reads the list again (after a file was opened).
    void refresh();

signals:
    void fileChosen(const QString &path);
    // The file chosen is gone; it is off the list now.
    void fileMissing(const QString &path);
};

} // namespace Salvo
