# study-browser: release build and installation. See README, "Install on a shared host".
#   make release                        dist/study-browser, its man page and completions
#   sudo make install PREFIX=/usr/local  installs them (DESTDIR is honoured for packaging)
#   sudo make uninstall PREFIX=/usr/local
PREFIX ?= /usr/local
BINDIR := $(DESTDIR)$(PREFIX)/bin
MANDIR := $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

.PHONY: release install uninstall check-release

release:
	scripts/release

dist/study-browser:
	scripts/release

check-release: dist/study-browser
	scripts/check-release dist/study-browser

install: dist/study-browser
	install -d "$(BINDIR)" "$(MANDIR)" "$(BASHDIR)" "$(ZSHDIR)" "$(FISHDIR)"
	install -m 755 dist/study-browser "$(BINDIR)/study-browser"
	install -m 644 dist/man/study-browser.1 "$(MANDIR)/study-browser.1"
	install -m 644 dist/completions/study-browser.bash "$(BASHDIR)/study-browser"
	install -m 644 dist/completions/_study-browser "$(ZSHDIR)/_study-browser"
	install -m 644 dist/completions/study-browser.fish "$(FISHDIR)/study-browser.fish"

uninstall:
	rm -f "$(BINDIR)/study-browser" "$(MANDIR)/study-browser.1" "$(BASHDIR)/study-browser" \
	      "$(ZSHDIR)/_study-browser" "$(FISHDIR)/study-browser.fish"
