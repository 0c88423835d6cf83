#include "gui/shell/templateedit.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QScrollBar>

using namespace Qt::StringLiterals;

namespace Salvo {

TemplateEdit::TemplateEdit(QAbstractItemModel *columns, QWidget *parent)
    : QPlainTextEdit(parent), m_completer(new QCompleter(columns, this))
{
    m_completer->setWidget(this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &TemplateEdit::complete);
}

void TemplateEdit::keyPressEvent(QKeyEvent *event)
{
    // While the list is open the completer acts on these keys, then hands them on to us:
    // they must not also add a new line or move the focus.
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore();
            return;
        default:
            break;
        }
    }
    QPlainTextEdit::keyPressEvent(event);
    if (!event->text().isEmpty() || event->key() == Qt::Key_Backspace)
        offerCompletion();
}

void TemplateEdit::offerCompletion()
{
    if (isReadOnly()) {
        m_completer->popup()->hide();
        return;
    }
    // Typing {{ and part of a name offers the columns that match.
    const QString before = toPlainText().left(textCursor().position());
    const qsizetype open = before.lastIndexOf(u"{{"_s);
    const QString prefix = open < 0 ? QString() : before.mid(open + 2);
    if (open < 0 || prefix.contains(u"}}"_s) || prefix.contains(u'\n')) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(prefix);
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    QRect rect = cursorRect();
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0)
                  + m_completer->popup()->verticalScrollBar()->sizeHint().width() + 8);
    m_completer->complete(rect);
}

void TemplateEdit::complete(const QString &name)
{
    if (isReadOnly())
        return;
    QTextCursor cursor = textCursor();
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor,
                        int(m_completer->completionPrefix().size()));
    const bool closed = toPlainText().mid(cursor.selectionEnd(), 2) == u"}}"_s;
    cursor.insertText(closed ? name : name + u"}}"_s);
    setTextCursor(cursor);
}

} // namespace Salvo
