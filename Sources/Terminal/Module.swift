enum TerminalModule {}
