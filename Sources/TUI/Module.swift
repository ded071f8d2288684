enum TUIModule {}
