#include "mainwindow.h"

#include <QLabel>
#include <QStatusBar>

namespace overseer::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Overseer"));
    resize(1280, 800);
    auto *welcome = new QLabel(tr("No database connected."), this);
    welcome->setAlignment(Qt::AlignCenter);
    setCentralWidget(welcome);
    statusBar()->showMessage(tr("Not connected"));
}

MainWindow::~MainWindow() = default;

} // namespace overseer::ui
