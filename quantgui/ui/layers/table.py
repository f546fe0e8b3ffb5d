"""The Layers tab's table: every leaf layer as a row, shown as a tree that follows the model's
modules (containers sum up what is inside them) or as a flat list, which sorts every layer
together. A layer planned int8 has a "keep float" check box; ticking it emits
``keep_toggled(name, keep)`` (the panel owns the choice). Selecting a row emits
``layer_selected(name)`` ("" when nothing is selected)."""

from __future__ import annotations

import math
from itertools import combinations
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QWidget,
)

from quantgui.ui import theme
from quantgui.ui.layers.rows import (
    COLUMNS,
    NAME_ROLE,
    REASON_COLUMN,
    SORT_ROLE,
    SQNR_COLUMNS,
    VIEWS,
    WORST_DB,
    LayerRow,
    db,
)
from quantgui.ui.wording import plural

# the widest a column may grow for its cells (longer texts are elided, their tooltips whole):
# the Layer and Type columns must not push the SQNR columns out of view
COLUMN_CAPS = {0: 280, 1: 190}


def wrap_header(text: str, lines: int = 3) -> str:
    """A header text on at most ``lines`` lines, broken at spaces so that its longest line is
    the shortest it can be (fewer lines on a tie), in whatever language: "Accumulated SQNR
    (dB)" -> "Accumulated" / "SQNR (dB)"; "SQNR acumulada (dB)" -> "SQNR" / "acumulada" /
    "(dB)". Number columns are then as narrow as their numbers allow."""
    words = text.split(" ")
    best = [text]
    for count in range(2, min(lines, len(words)) + 1):
        for cuts in combinations(range(1, len(words)), count - 1):
            bounds = (0, *cuts, len(words))
            parts = [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
            if max(map(len, parts)) < max(map(len, best)):
                best = parts
    return "\n".join(best)


class _Item(QTreeWidgetItem):
    """A layer's row that sorts by the SORT_ROLE value of the sorted column (numbers; missing
    values last)."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        tree = self.treeWidget()
        column = tree.sortColumn() if tree is not None else 0
        mine, theirs = self.data(column, SORT_ROLE), other.data(column, SORT_ROLE)
        if mine is None and theirs is None:
            return self.text(column) < other.text(column)
        if isinstance(mine, str) or isinstance(theirs, str):
            return str(mine) < str(theirs)
        return (math.inf if mine is None else mine) < (math.inf if theirs is None else theirs)


class LayerTable(QTreeWidget):
    keep_toggled = Signal(str, bool)
    layer_selected = Signal(str)

    def __init__(self, view: str = "tree", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view if view in VIEWS else "tree"  # "tree" or "flat"
        self.rows: list[LayerRow] = []  # one per leaf layer, in model order
        self.keep: list[str] = []  # the layers ticked "keep float"
        self.worst_names: list[str] = []  # highlighted in red
        self._model: Any = None  # the float model (the modules' types and parameter counts)
        self._items: dict[str, QTreeWidgetItem] = {}  # name -> row, leaves and containers
        self._containers: set[str] = set()  # the names in _items that are containers
        self._collapsed: set[str] = set()  # containers the user folded; all others expanded
        self._filling = False
        self.boldFont = self.font()
        self.boldFont.setBold(True)
        self._build()

    def _build(self) -> None:
        self.setColumnCount(len(COLUMNS))
        self._set_header_labels()
        header = self.header()
        header.setStretchLastSection(True)
        # widths set by fit_columns (their contents, within COLUMN_CAPS), then the user's
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        # the long reason text goes last (it stretches), so the SQNR columns stay in view
        header.moveSection(header.visualIndex(REASON_COLUMN), len(COLUMNS) - 1)
        self.setSortingEnabled(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # model order until clicked
        tips = {0: self.tr("Tick a layer planned int8 to keep it in float in the next run."),
                2: self.tr("For a module: the parameters of everything inside it."),
                4: self.tr("int8: quantized; fused: folded into the layer before it; float: "
                           "left in float. For a module: how many layers inside it are "
                           "which."),
                6: self.tr("The original weight (batch-norm folded in) against the int8 "
                           "weight. For a module: the lowest value inside it."),
                7: self.tr("The layer's own error: the quantized layer fed the float input. "
                           "For a module: the lowest value inside it."),
                8: self.tr("The quantized model's activation here against the original's, "
                           "with every error upstream. For a module: the lowest value inside "
                           "it.")}
        header_item = self.headerItem()
        for column, tip in tips.items():
            header_item.setToolTip(column, tip)
        self.setUniformRowHeights(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAccessibleName(self.tr("Layers of the model"))
        self.itemChanged.connect(self._on_item_changed)
        self.itemSelectionChanged.connect(self._on_selection)
        self.itemCollapsed.connect(lambda item: self._on_folded(item, True))
        self.itemExpanded.connect(lambda item: self._on_folded(item, False))
        header.sortIndicatorChanged.connect(self._on_sort_changed)
        self.show_result_columns(False)

    def _set_header_labels(self) -> None:
        labels = [
            self.tr("Layer"), self.tr("Type"), self.tr("Parameters"), self.tr("Output shape"),
            self.tr("Status"), self.tr("Reason"), self.tr("Weight SQNR (dB)"),
            self.tr("Output SQNR (dB)"), self.tr("Accumulated SQNR (dB)")]
        for column in (3, *SQNR_COLUMNS):  # number columns: narrower on several lines
            labels[column] = wrap_header(labels[column])
        self.setHeaderLabels(labels)

    def retranslate(self) -> None:
        """View > Language: the header texts again, broken where the new language needs."""
        tips = [self.headerItem().toolTip(c) for c in range(len(COLUMNS))]
        self._set_header_labels()
        for column, tip in enumerate(tips):
            self.headerItem().setToolTip(column, tip)
        self.fit_columns()

    def _header_width(self, column: int) -> int:
        """The header's longest line, its margins, and the sort arrow if it is sorted by it
        (QHeaderView's own hint keeps room for the arrow in every column)."""
        header = self.header()
        style = header.style()
        text = self.headerItem().text(column)
        width = max(header.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
        width += 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header) + 8
        if header.sortIndicatorSection() == column:
            width += style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) + 4
        return width

    def fit_columns(self) -> None:
        """Each shown column as wide as its header and its cells (Layer and Type at most their
        COLUMN_CAPS); the Reason column, last, takes the rest."""
        header = self.header()
        self.doItemsLayout()
        # the widest text of each column, every row (the view's own hint may have measured
        # only the rows laid out so far); column 0 adds indentation and boxes: the view's hint
        metrics = self.fontMetrics()
        bold = QFontMetrics(self.boldFont)
        texts = [0] * len(COLUMNS)
        iterator = QTreeWidgetItemIterator(self)
        while iterator.value() is not None:
            item = iterator.value()
            for column in range(1, len(COLUMNS)):
                font = bold if item.font(column).bold() else metrics
                texts[column] = max(texts[column], font.horizontalAdvance(item.text(column)))
            iterator += 1
        for column in range(len(COLUMNS)):
            if column == REASON_COLUMN or self.isColumnHidden(column):
                continue
            cells = min(max(self.sizeHintForColumn(column), texts[column] + 12),
                        COLUMN_CAPS.get(column, 1 << 20))
            header.resizeSection(column, max(self._header_width(column), cells))
        header.setMinimumSectionSize(min(self._header_width(REASON_COLUMN), 120))

    # --- what is shown --------------------------------------------------------------------
    def show_result_columns(self, shown: bool) -> None:
        for column in SQNR_COLUMNS:
            self.setColumnHidden(column, not shown)
        self.fit_columns()

    def set_rows(self, rows: list[LayerRow], worst: list[str], keep: list[str],
                 model: Any) -> None:
        """Show ``rows`` (``worst`` in red, ``keep`` ticked) of ``model``."""
        self.rows, self.worst_names, self.keep, self._model = list(rows), worst, list(keep), model
        self.populate()

    def forget(self) -> None:
        """Another model: no rows, every module unfolded, nothing selected. (Not ``reset``,
        which is QAbstractItemView's and runs inside ``clear``.)"""
        self._collapsed.clear()
        self.clearSelection()
        self.set_rows([], [], [], None)

    def set_view(self, view: str) -> None:
        """Show the layers as a "tree" of the model's modules or as a "flat" list."""
        if view not in VIEWS:
            raise ValueError(f"unknown view {view!r}")
        if view != self.view:
            self.view = view
            self.populate()

    def populate(self) -> None:
        """Build the rows once, in model order, for the current view, then let the header's
        sort order (if a column was clicked) arrange them."""
        selected = self.selected_name()
        self._filling = True
        self.blockSignals(True)
        self.setUpdatesEnabled(False)
        self.setSortingEnabled(False)
        self.clear()
        self._items, self._containers = {}, set()
        style = self._style()
        leaves = [self._leaf_item(layer, style) for layer in self.rows]
        tree_view = self.view == "tree"
        self.addTopLevelItems(self._group(leaves) if tree_view else leaves)
        for name in self._containers:
            self._items[name].setExpanded(name not in self._collapsed)
        self.setRootIsDecorated(tree_view and bool(self._containers))
        self.setSortingEnabled(True)  # sorts by the header's indicator once a column is chosen
        self.setUpdatesEnabled(True)
        self.blockSignals(False)
        self._filling = False
        self.fit_columns()
        if selected is not None and selected in self._items:
            self.select_layer(selected)
        elif selected is not None:
            self.layer_selected.emit("")  # the layer is gone: its plots go too

    def update_row(self, row: LayerRow) -> None:
        """One layer's status changed (a keep-float tick in the plan): its row and the counts
        of the modules holding it."""
        index = next((i for i, r in enumerate(self.rows) if r.name == row.name), None)
        if index is None:
            return
        self.rows[index] = row
        item = self._items.get(row.name)
        if item is None:
            return
        self._filling = True
        self._set_status_cells(item, row, self._style())
        for prefix in self._containers:
            if row.name.startswith(prefix + "."):
                inside = [r for r in self.rows if r.name.startswith(prefix + ".")]
                self._items[prefix].setText(4, self._summary(inside))
                self._items[prefix].setData(4, SORT_ROLE, self._summary(inside))
        self._filling = False

    def tick(self, name: str, keep: list[str]) -> None:
        """The keep-float choices are now ``keep``: ``name``'s box follows them (without
        emitting ``keep_toggled``)."""
        self.keep = list(keep)
        item = self.item_of(name)
        if item is None or name in self._containers:
            return
        state = Qt.CheckState.Checked if name in self.keep else Qt.CheckState.Unchecked
        if item.flags() & Qt.ItemFlag.ItemIsUserCheckable and item.checkState(0) != state:
            self._filling = True
            item.setCheckState(0, state)
            self._filling = False

    # --- the rows -------------------------------------------------------------------------
    def _style(self) -> dict[str, Any]:
        muted = self.palette().placeholderText().color()
        style = {"colors": {"int8": theme.QUANTIZED, "fused": theme.ORIGINAL, "float": muted},
                 "words": {"int8": self.tr("int8"), "fused": self.tr("fused"),
                           "float": self.tr("float")},
                 "worst": QColor(theme.ERROR)}
        style["worst"].setAlpha(60)
        return style

    def _set_status_cells(self, item: QTreeWidgetItem, layer: LayerRow,
                          style: dict[str, Any]) -> None:
        item.setText(4, style["words"][layer.status])
        item.setData(4, SORT_ROLE, layer.status)
        item.setText(5, layer.reason)
        item.setData(5, SORT_ROLE, layer.reason)
        item.setForeground(4, style["colors"][layer.status])
        font = item.font(4)
        font.setBold(layer.status == "int8")
        item.setFont(4, font)
        worst = layer.name in self.worst_names
        item.setToolTip(5, "\n".join([layer.reason, self._worst_tip(layer)] if worst
                                      else [layer.reason]))

    def _summary(self, layers: list[LayerRow]) -> str:
        """A module's status cell: '2 int8 · 1 fused'."""
        counts = {status: sum(1 for layer in layers if layer.status == status)
                  for status in ("int8", "fused", "float")}
        words = {"int8": (self.tr("1 int8"), self.tr("{count} int8")),
                 "fused": (self.tr("1 fused"), self.tr("{count} fused")),
                 "float": (self.tr("1 float"), self.tr("{count} float"))}
        return " · ".join(plural(count, *words[status])
                          for status, count in counts.items() if count)

    def _cells(self, item: QTreeWidgetItem, values: list[tuple[str, Any]], name: str) -> None:
        item.setData(0, NAME_ROLE, name)
        for column, (text, key) in enumerate(values):
            item.setText(column, text)
            item.setData(column, SORT_ROLE, key)
            if column >= 2 and column != REASON_COLUMN:
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)

    def _leaf_item(self, layer: LayerRow, style: dict[str, Any]) -> QTreeWidgetItem:
        name = layer.name
        shown = name if self.view == "flat" else name.rsplit(".", 1)[-1]
        shape = layer.shape
        values: list[tuple[str, Any]] = [
            (shown or self.tr("(model)"), name),
            (layer.type.rsplit(".", 1)[-1], layer.type),  # the class; its path in the tip
            ("—" if layer.parameters is None else f"{layer.parameters:,}", layer.parameters),
            ("—" if not shape else " × ".join(str(d) for d in shape),
             None if not shape else math.prod(shape)),
            (style["words"][layer.status], layer.status),
            (layer.reason, layer.reason),
            *((db(value), value) for value in layer.sqnr)]
        item = _Item()
        self._cells(item, values, name)
        item.setToolTip(1, layer.type)
        worst = name in self.worst_names
        worst_tip = self._worst_tip(layer) if worst else ""
        if worst:
            for column in range(len(COLUMNS)):
                item.setBackground(column, style["worst"])
                item.setToolTip(column, worst_tip)
        self._set_status_cells(item, layer, style)
        tips = [name or self.tr("(model)")]
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
        if layer.planned_int8 or name in self.keep:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if name in self.keep
                               else Qt.CheckState.Unchecked)
            tips.append(self.tr("Tick to keep {name} in float in the next run.").format(
                name=name))
        if worst:
            tips.append(worst_tip)
        item.setToolTip(0, "\n".join(tips))
        self._items[name] = item
        return item

    def _worst_tip(self, layer: LayerRow) -> str:
        return self.tr(
            "Output SQNR {value:.1f} dB, below {limit:.0f} dB: this layer's own quantization "
            "error is large (the layer fed the float input). The Sensitivity ranking measures "
            "something else, how much the whole model's output gains when this layer alone "
            "stays float, so a layer can be red here and low in the ranking, or the "
            "reverse.").format(value=layer.sqnr[1] or 0.0, limit=WORST_DB)

    def _group(self, leaves: list[QTreeWidgetItem]) -> list[QTreeWidgetItem]:
        """Put each leaf under the containers its qualified name passes through (``encoder`` >
        ``encoder.0`` > ...), creating them in model order; return the top-level rows."""
        tops: list[QTreeWidgetItem] = []
        inside: dict[str, list[LayerRow]] = {}
        for layer, leaf in zip(self.rows, leaves, strict=True):
            parts = layer.name.split(".") if layer.name else [""]
            parent: QTreeWidgetItem | None = None
            for depth in range(1, len(parts)):
                prefix = ".".join(parts[:depth])
                container = self._items.get(prefix) if prefix in self._containers else None
                if container is None:
                    container = _Item()
                    self._items[prefix] = container
                    self._containers.add(prefix)
                    inside[prefix] = []
                    if parent is None:
                        tops.append(container)
                    else:
                        parent.addChild(container)
                inside[prefix].append(layer)
                parent = container
            if parent is None:
                tops.append(leaf)
            else:
                parent.addChild(leaf)
        for prefix, layers in inside.items():
            self._fill_container(self._items[prefix], prefix, layers, self._model)
        return tops

    def _fill_container(self, item: QTreeWidgetItem, name: str, layers: list[LayerRow],
                        model: Any) -> None:
        from quantgui.core.layers import type_name

        module = None
        if model is not None:
            try:
                module = model.get_submodule(name)
            except AttributeError:
                module = None
        # the class name only (the full path is in the tooltip): custom modules' paths are long
        layer_type = type(module).__name__ if module is not None else ""
        if module is not None:  # torch's count: shared weights once, the module's own too
            parameters: int | None = sum(p.numel() for p in module.parameters())
        else:
            known = [layer.parameters for layer in layers if layer.parameters is not None]
            parameters = sum(known) if known else None
        summary = self._summary(layers)
        # A module's SQNR cells show the lowest (worst) value among the layers inside it, so a
        # folded module still tells how badly its worst layer does, and sorting siblings by an
        # SQNR column brings the modules holding the worst layers first.
        worst = [min((layer.sqnr[i] for layer in layers if layer.sqnr[i] is not None),
                     default=None) for i in range(3)]
        values: list[tuple[str, Any]] = [
            (name.rsplit(".", 1)[-1], name),
            (layer_type, layer_type),
            ("—" if parameters is None else f"{parameters:,}", parameters),
            ("—", None),  # the plan measures leaf outputs only
            (summary, summary),
            ("", ""),
            *((db(value), value) for value in worst)]
        self._cells(item, values, name)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        tip = self.tr("{name}: {type} with {count} layers inside").format(
            name=name, type=layer_type or self.tr("module"), count=len(layers))
        item.setToolTip(0, tip)
        item.setToolTip(4, tip)
        if module is not None:
            item.setToolTip(1, type_name(module))
        for column in SQNR_COLUMNS:
            item.setToolTip(column, self.tr("The lowest value among the layers inside."))
        if any(layer.name in self.worst_names for layer in layers):
            item.setForeground(7, QColor(theme.ERROR))
            item.setToolTip(7, self.tr("Holds a layer below {limit:.0f} dB output SQNR.").format(
                limit=WORST_DB))

    # --- the user's actions ---------------------------------------------------------------
    def _on_folded(self, item: QTreeWidgetItem, folded: bool) -> None:
        name = item.data(0, NAME_ROLE)
        if self._filling or name not in self._containers:
            return
        if folded:
            self._collapsed.add(name)
        else:
            self._collapsed.discard(name)

    def _on_sort_changed(self, column: int, _order: Qt.SortOrder) -> None:
        if column < 0 and not self._filling:
            self.populate()  # no sort column: back to model order
        self.fit_columns()  # room for the arrow in the sorted column only

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0 or not (
                item.flags() & Qt.ItemFlag.ItemIsUserCheckable):
            return
        self.keep_toggled.emit(item.data(0, NAME_ROLE),
                               item.checkState(0) == Qt.CheckState.Checked)

    def _on_selection(self) -> None:
        if not self._filling:
            self.layer_selected.emit(self.selected_name() or "")

    # --- looking up -----------------------------------------------------------------------
    def item_of(self, name: str) -> QTreeWidgetItem | None:
        """The row of a layer or (in the tree) of a module, by qualified name."""
        return self._items.get(name)

    def is_container(self, name: str) -> bool:
        return name in self._containers

    def inside(self, name: str) -> int:
        """How many layers a module holds."""
        return sum(1 for layer in self.rows if layer.name.startswith(name + "."))

    def _displayed_leaves(self) -> list[QTreeWidgetItem]:
        leaves = []
        iterator = QTreeWidgetItemIterator(self)
        while iterator.value() is not None:
            item = iterator.value()
            if item.data(0, NAME_ROLE) not in self._containers:
                leaves.append(item)
            iterator += 1
        return leaves

    def leaf_names(self) -> list[str]:
        """The layers (no modules) in the order shown, depth first."""
        return [item.data(0, NAME_ROLE) for item in self._displayed_leaves()]

    def column_values(self, column: int) -> list[Any]:
        """The sort values of ``column`` for the layers (no modules) in the order shown."""
        return [item.data(column, SORT_ROLE) for item in self._displayed_leaves()]

    def selected_name(self) -> str | None:
        items = self.selectedItems()
        return items[0].data(0, NAME_ROLE) if items else None

    def select_layer(self, name: str) -> None:
        item = self.item_of(name)
        if item is None:
            return
        parent = item.parent()
        while parent is not None:
            parent.setExpanded(True)
            parent = parent.parent()
        if self.selected_name() == name:
            self.layer_selected.emit(name)  # the same row: the run behind it may have changed
        else:
            self.setCurrentItem(item)
        self.scrollToItem(item)
