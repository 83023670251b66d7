"""ppa-tui: aplikasi terminal layanan UPTD PPA Provinsi Kepulauan Bangka Belitung."""

__version__ = "0.1.0"
