using MedEdu.Cli;

var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { NewLine = "\n", AutoFlush = false };
int code = MededuCli.Run(args, stdout, Console.Error);
stdout.Flush();
return code;
