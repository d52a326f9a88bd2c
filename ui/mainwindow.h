#pragma once

#include <QMainWindow>

namespace overseer::ui {

/// The console's main window: cluster summary, views for workers, queues, jobs, locks and audit.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;
};

} // namespace overseer::ui
