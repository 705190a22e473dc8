import sys

from intake.cli.program import main

sys.exit(main())
