"""How articles go through the pipeline: one article or chunk (`process`) and the local worker
processes with their watchdog (`pool`). The runner and the Dask engine use both; they isolate
each article, so they catch what a stage raises and report it as an error line naming the stage."""
