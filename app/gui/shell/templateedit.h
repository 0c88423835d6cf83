// TemplateEdit: a plain-text editor for prompt templates that offers the input's column names
// after {{ and closes the placeholder when one is chosen. GUI thread.
#pragma once

#include <QPlainTextEdit>

class QAbstractItemModel;
class QCompleter;

namespace Salvo {

class TemplateEdit final : public QPlainTextEdit
{
    Q_OBJECT

public:
    // `columns`: a list model of column names (not owned).
    explicit TemplateEdit(QAbstractItemModel *columns, QWidget *parent = nullptr);

    QCompleter *completer() const { return m_completer; }

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void offerCompletion();
    void complete(const QString &name);

    QCompleter *m_completer;
};

} // namespace Salvo
