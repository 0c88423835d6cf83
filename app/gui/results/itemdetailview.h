// ItemDetailView: everything about one item: its full rendered prompt (and system prompt), its
// full output, why it failed in words, and every attempt. Reads its own RunStore. GUI thread.
#pragma once

#include "core/common/result.h"
#include "core/engine/itemtypes.h"
#include "core/engine/prompttemplate.h"

#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace Salvo {

class AttemptsModel;
class RunStore;

class ItemDetailView final : public QWidget
{
    Q_OBJECT

public:
    explicit ItemDetailView(QWidget *parent = nullptr);
    ~ItemDetailView() override;

    // Opens `runPath` for reading on this thread; an empty path closes it. Clears the pane.
    [[nodiscard]] Result<bool, QString> setRun(const QString &runPath);
    // Shows item `idx` (0-based) as the run file has it now; -1 clears the pane.
    void showItem(qint64 idx);
    // Shows the current item again (after an update touched it).
    void reload();
    void clear();
    qint64 currentItem() const { return m_idx; }

    QString promptText() const;
    QString systemPromptText() const;
    QString outputText() const;
    QString errorText() const;
    AttemptsModel *attemptsModel() const { return m_attemptsModel; }

    // A failed or cancelled item's error as a sentence or two; empty for other items.
    static QString describeError(const ItemResult &result);

public slots:
    void copyPrompt();
    void copyOutput();

private:
    std::unique_ptr<RunStore> m_store;
    std::optional<PromptTemplate> m_promptTemplate;
    std::optional<PromptTemplate> m_systemTemplate;
    QString m_templateProblem;
    qint64 m_idx = -1;

    QLabel *m_title = nullptr;
    QLabel *m_error = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_output = nullptr;
    QLabel *m_systemLabel = nullptr;
    QPlainTextEdit *m_systemPrompt = nullptr;
    QPlainTextEdit *m_promptEdit = nullptr;
    QTableView *m_attemptsView = nullptr;
    AttemptsModel *m_attemptsModel = nullptr;
    QPushButton *m_copyPrompt = nullptr;
    QPushButton *m_copyOutput = nullptr;
};

} // namespace Salvo
