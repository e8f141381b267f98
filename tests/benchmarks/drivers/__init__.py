"""Small programs run in subprocesses, so start-up and memory are measured in a fresh
interpreter that holds nothing but what is being measured."""
