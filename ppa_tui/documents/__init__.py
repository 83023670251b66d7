"""PDF rendering of the documents `ppa_tui.domain.dokumen` composes: the letterhead
and common layout (`tata`), one module per family (`surat`, `formulir`, `laporan`)
and the one entry point the CLI and the TUI call (`cetak`). Never imports Textual."""
