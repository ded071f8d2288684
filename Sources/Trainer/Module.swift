enum TrainerModule {}
